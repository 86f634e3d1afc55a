using System.Diagnostics;
using CliWrap;

namespace Transcoding.Testing;

/// <summary>
/// Starts a program with SIGINT at its default action and unblocked, as a program run at a terminal has it, so that a
/// test can press Ctrl+C on it. A test run started as a background job of a non-interactive shell (a CI runner's
/// <c>make test &amp;</c>) has SIGINT ignored, every child inherits that across exec (signal(7)), and .NET then neither
/// raises <see cref="Console.CancelKeyPress"/> nor stops its host: a Ctrl+C test would fail only there. GNU env's
/// <c>--default-signal=INT</c> (coreutils 8.31; Linux, as the tests' <c>/proc</c> reads) resets the disposition and
/// unblocks the signal just before it execs the program, in the same process, so the pid a test signals is the
/// program's. (coreutils <c>timeout</c> resets SIGINT too: a test run behind it does not show the fault.)
/// </summary>
public static class TerminalInterrupt
{
    private const string Env = "env";
    private const string DefaultSigint = "--default-signal=INT";

    /// <summary><paramref name="start"/> rewritten to run its program through <c>env --default-signal=INT</c>.</summary>
    /// <exception cref="ArgumentException"><paramref name="start"/> has its arguments as one string (<see cref="ProcessStartInfo.Arguments"/>):
    /// only <see cref="ProcessStartInfo.ArgumentList"/> can take the program's name in front.</exception>
    public static ProcessStartInfo WithDefaultInterrupt(this ProcessStartInfo start)
    {
        if (start.Arguments.Length > 0)
        {
            throw new ArgumentException("Give the arguments in ArgumentList: the program's name goes in front of them.", nameof(start));
        }

        start.ArgumentList.Insert(0, start.FileName);
        start.ArgumentList.Insert(0, DefaultSigint);
        start.FileName = Env;
        return start;
    }

    /// <summary>A CliWrap command running <paramref name="program"/> with <paramref name="arguments"/> through <c>env --default-signal=INT</c>.</summary>
    public static Command Wrap(string program, IEnumerable<string> arguments) => Cli.Wrap(Env).WithArguments([DefaultSigint, program, .. arguments]);
}
