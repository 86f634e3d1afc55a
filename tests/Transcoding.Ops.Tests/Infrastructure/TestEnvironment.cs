using Transcoding.Testing;

namespace Transcoding.Ops.Tests.Infrastructure;

/// <summary>Where the test servers are, and the CLI to run as a separate process.</summary>
public static class TestEnvironment
{
    public static string Require(string name) => TestServers.Require(name);

    /// <summary>
    /// The CLI's own build output (same configuration as the tests), to run it as a separate process: the copy in the
    /// test folder lacks the Microsoft.Extensions assemblies, which the tests get from the ASP.NET Core framework.
    /// </summary>
    public static string OpsDll => Repository.Dll("services/Transcoding.Ops");
}
