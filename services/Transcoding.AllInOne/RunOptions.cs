namespace Transcoding.AllInOne;

/// <summary>Command line of <c>make run</c>: <c>--input FILE --out DIR --worker PATH</c>.</summary>
public sealed record RunOptions(string Input, string Out, string WorkerPath, string WorkDir)
{
    public static RunOptions Parse(string[] args)
    {
        string? Value(string name)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
        }

        var input = Value("--input") ?? throw new ArgumentException("--input FILE is required.");
        var worker = Value("--worker") ?? throw new ArgumentException("--worker PATH (Transcoding.Worker.dll) is required.");
        return new RunOptions(
            Path.GetFullPath(input),
            Path.GetFullPath(Value("--out") ?? ".run/out"),
            Path.GetFullPath(worker),
            Path.GetFullPath(Value("--work") ?? ".run"));
    }
}
