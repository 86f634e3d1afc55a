namespace Transcoding.Gateway.Tests;

public sealed class LogTests
{
    [Theory]
    [InlineData(null, "(none)")]
    [InlineData("", "(none)")]
    [InlineData("msg_2x8aQ", "msg_2x8aQ")]
    [InlineData("msg\r\nforged line", "msg??forged line")]
    public void When_a_sender_chosen_value_is_logged_it_is_made_printable(string? value, string expected)
    {
        Assert.Equal(expected, Log.Printable(value));
    }

    [Fact]
    public void When_a_sender_chosen_value_is_very_long_it_is_cut()
    {
        Assert.Equal(100, Log.Printable(new string('m', 5000)).Length);
    }
}
