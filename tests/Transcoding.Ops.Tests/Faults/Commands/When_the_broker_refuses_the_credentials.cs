using Transcoding.Ops.Tests.Infrastructure;

namespace Transcoding.Ops.Tests.Faults.Commands;

public sealed class When_the_broker_refuses_the_credentials
{
    private const string Password = "s3cr3t-Pa55";

    /// <summary>With its own (valid) credentials the management API answers, so it is AMQP that refuses the password.</summary>
    [Theory]
    [InlineData("list", false)]
    [InlineData("replay", false)]
    [InlineData("list", true)]
    [InlineData("replay", true)]
    public async Task The_command_fails_as_unavailable_without_printing_the_password(string command, bool managementHasOwnCredentials)
    {
        var broker = new UriBuilder(TestEnvironment.Require("TEST_RABBITMQ_URI")) { UserName = "guest", Password = Password }.Uri.ToString();
        var management = new UriBuilder(TestEnvironment.Require("TEST_RABBITMQ_MANAGEMENT"));
        if (managementHasOwnCredentials)
        {
            (management.UserName, management.Password) = ("guest", "guest");
        }

        string[] selector = command == "replay" ? ["--all"] : [];

        var run = await OpsCli.RunAsync(["faults", command, .. selector, "--amqp", broker, "--management", management.Uri.ToString()]);

        Assert.Equal(5, run.ExitCode);
        Assert.NotEmpty(run.Error);
        Assert.DoesNotContain(Password, run.Error + run.Console + run.Json);
    }
}
