using Transcoding.Worker.Conditioning;

namespace Transcoding.Worker.Tests.Conditioning;

public class InterlaceDetectionTests
{
    private static string Log(int tff, int bff, int progressive, int undetermined = 0) =>
        $"[Parsed_idet_0 @ 0x55] Repeated Fields: Neither: 90 Top: 0 Bottom: 0\n" +
        $"[Parsed_idet_0 @ 0x55] Single frame detection: TFF: 1 BFF: 1 Progressive: 1 Undetermined: 1\n" +
        $"[Parsed_idet_0 @ 0x55] Multi frame detection: TFF: {tff,5} BFF: {bff,5} Progressive: {progressive,5} Undetermined: {undetermined,5}";

    [Theory]
    [InlineData(90, 0, 0, FieldParity.TopFirst)]
    [InlineData(0, 90, 0, FieldParity.BottomFirst)]
    [InlineData(60, 0, 30, FieldParity.TopFirst)]
    [InlineData(49, 31, 10, null)]
    [InlineData(0, 0, 90, null)]
    [InlineData(0, 0, 0, null)]
    [InlineData(4, 0, 0, null)]
    [InlineData(50, 0, 26, null)]
    public void When_idet_has_counted_one_consistent_field_order_makes_it_interlaced(int tff, int bff, int progressive, FieldParity? expected)
    {
        Assert.Equal(expected, InterlaceDetection.Parse(Log(tff, bff, progressive)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Stream mapping:\n  Stream #0:0 -> #0:0")]
    public void When_idet_printed_no_summary_the_source_is_taken_as_progressive(string log)
    {
        Assert.Null(InterlaceDetection.Parse(log));
    }
}
