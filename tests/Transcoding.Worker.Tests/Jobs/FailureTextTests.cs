using Transcoding.Worker.Jobs;

namespace Transcoding.Worker.Tests.Jobs;

public class FailureTextTests
{
    private const string Work = "/tmp/worker-test-x1/work/job-7";

    [Theory]
    [InlineData("[mov,mp4,m4a,3gp,3g2,mj2 @ 0x55d0c8e0a2c0] moov atom not found", "[mov,mp4,m4a,3gp,3g2,mj2] moov atom not found")]
    [InlineData("[h264 @ 0x7F00AB12] Invalid NAL unit size (1454 > 1371).", "[h264] Invalid NAL unit size (1454 > 1371).")]
    [InlineData("/tmp/worker-test-x1/work/job-7/source: Invalid data found when processing input", "source: Invalid data found when processing input")]
    [InlineData("Could not open '/tmp/worker-test-x1/work/job-7/out/hls/360p/segment_00001.ts'", "Could not open 'out/hls/360p/segment_00001.ts'")]
    [InlineData("/tmp/worker-test-x1/work/job-7/: Permission denied", ": Permission denied")]
    [InlineData("Error opening /var/tmp/other-run/x.wav for writing", "Error opening x.wav for writing")]
    [InlineData("[mov,mp4 @ 0x1] stream 1, offset 0x26389: partial file |  [mov,mp4 @ 0x2] stream 0, offset 0x2650b: partial file",
        "[mov,mp4] stream 1, offset 0x26389: partial file | [mov,mp4] stream 0, offset 0x2650b: partial file")]
    [InlineData("rate 1/44100 and 30000/1001 fps", "rate 1/44100 and 30000/1001 fps")]
    [InlineData("  line one\n\tline two  ", "line one line two")]
    [InlineData("", "")]
    public void When_tool_output_becomes_a_failure_reason_run_specific_parts_are_removed(string text, string expected)
    {
        Assert.Equal(expected, FailureText.From(text, Work));
    }

    [Fact]
    public void When_the_text_is_long_it_is_cut_to_the_limit()
    {
        var text = FailureText.From(string.Join(" | ", Enumerable.Repeat("[aac @ 0x5555aaaa] Input buffer exhausted before END element found", 20)), Work);

        Assert.InRange(text.Length, FailureText.MaxLength - 2, FailureText.MaxLength);
        Assert.StartsWith("[aac] Input buffer exhausted", text);
        Assert.EndsWith("…", text);
    }

    [Fact]
    public void When_the_work_folder_is_given_with_a_trailing_slash_it_is_still_removed()
    {
        Assert.Equal("source: End of file", FailureText.From(Work + "/source: End of file", Work + "/"));
    }
}
