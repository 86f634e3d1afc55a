namespace Transcoding.Worker.Tests;

public class WorkerCommandTests
{
    [Theory]
    [InlineData(new[] { "run", "--input", "job.json" }, null, WorkerMode.Run, "job.json")]
    [InlineData(new[] { "run", "-i", "/tmp/j.json" }, "http://x/job-take/$ID", WorkerMode.Run, "/tmp/j.json")]
    [InlineData(new[] { "serverless" }, null, WorkerMode.Serverless, null)]
    [InlineData(new string[0], "http://127.0.0.1:1/v2/e/job-take/$ID?gpu=local", WorkerMode.Serverless, null)]
    public void When_the_command_line_is_valid_the_mode_is_chosen(string[] args, string? getJobUrl, WorkerMode mode, string? input)
    {
        Assert.Equal(new WorkerCommand(mode, input), WorkerCommand.Parse(args, getJobUrl));
    }

    [Theory]
    [InlineData(new string[0], null)]
    [InlineData(new string[0], " ")]
    [InlineData(new[] { "run" }, null)]
    [InlineData(new[] { "run", "--input" }, null)]
    [InlineData(new[] { "run", "--input", "" }, null)]
    [InlineData(new[] { "transcode", "x" }, "http://x")]
    public void When_the_command_line_makes_no_sense_there_is_no_command(string[] args, string? getJobUrl)
    {
        Assert.Null(WorkerCommand.Parse(args, getJobUrl));
    }
}
