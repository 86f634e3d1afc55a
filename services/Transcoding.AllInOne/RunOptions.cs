namespace Transcoding.AllInOne;

/// <summary>
/// Command line of <c>make run</c> and <c>make up</c>: <c>[--input FILE] [--serve] --out DIR --work DIR --worker PATH</c>.
/// Without <c>--serve</c> (make run) the input is required and the program ends with its item; with it (make up) the
/// pipeline and its dashboard keep running until Ctrl-C, the input is optional and more files come by <c>POST /uploads</c>.
/// </summary>
public sealed record RunOptions(string? Input, string Out, string WorkerPath, string WorkDir, bool Serve = false)
{
    /// <summary>The file <c>make up</c> writes the running instance's base URL to, under the work folder.</summary>
    public string AddressFile => Path.Combine(WorkDir, "up.url");

    /// <summary>The options <paramref name="args"/> give, or null with the reason and the usage written to <paramref name="errors"/>.</summary>
    public static RunOptions? TryParse(string[] args, TextWriter errors)
    {
        try
        {
            return Parse(args);
        }
        catch (ArgumentException e)
        {
            errors.WriteLine(e.Message);
            errors.WriteLine(Usage);
            return null;
        }
    }

    public const string Usage = "usage: Transcoding.AllInOne [--input FILE] [--serve] --out DIR --work DIR --worker PATH (make run / make up pass them)";

    /// <exception cref="ArgumentException">A required argument is missing.</exception>
    private static RunOptions Parse(string[] args)
    {
        string? Value(string name)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
        }

        var serve = args.Contains("--serve");
        var input = Value("--input");
        if (input is null && !serve)
        {
            throw new ArgumentException("--input FILE is required (or --serve to keep the pipeline running).");
        }

        var worker = Value("--worker") ?? throw new ArgumentException("--worker PATH (Transcoding.Worker.dll) is required.");
        return new RunOptions(
            input is null ? null : Path.GetFullPath(input),
            Path.GetFullPath(Value("--out") ?? ".run/out"),
            Path.GetFullPath(worker),
            Path.GetFullPath(Value("--work") ?? ".run"),
            serve);
    }
}
