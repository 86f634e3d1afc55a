namespace Transcoding.Benchmarks.Tests;

/// <summary>
/// The pure parts of the <c>bits-vs-fixed-ladder-*</c> rows: what ffmpeg's <c>ssim</c> filter and ffprobe print, read
/// into numbers, and the SSIM rule under which a row counts.
/// </summary>
public sealed class When_the_encoding_figures_are_read
{
    [Theory]
    [InlineData("[Parsed_ssim_4 @ 0x55d0c8] SSIM Y:0.995012 (23.019) U:0.998140 (27.304) V:0.998033 (27.062) All:0.996188 (24.189)\n", 0.996188)]
    [InlineData("Input #0, hls, from 'index.m3u8':\n[Parsed_ssim_2 @ 0x1] SSIM Y:0.9 (10.0) U:0.9 (10.0) V:0.9 (10.0) All:0.9 (10.0)\n"
        + "[Parsed_ssim_2 @ 0x1] SSIM Y:0.800000 (7.0) U:0.9 (10.0) V:0.9 (10.0) All:0.850000 (8.2)\n", 0.85)]
    [InlineData("[Parsed_ssim_0 @ 0x1] SSIM Y:1.000000 (inf) U:1.000000 (inf) V:1.000000 (inf) All:1.000000 (inf)", 1.0)]
    public void The_ssim_summary_gives_the_last_All_value(string stderr, double expected) =>
        Assert.Equal(expected, SsimLog.All(stderr), precision: 6);

    [Theory]
    [InlineData("")]
    [InlineData("Output #0, null, to 'pipe:':\n  Stream #0:0: Video: wrapped_avframe\n")]
    public void Output_without_a_summary_is_refused(string stderr) =>
        Assert.Throws<FormatException>(() => SsimLog.All(stderr));

    [Theory]
    [InlineData("1000\n", 8_000)]
    [InlineData("1000\n250\n\n4\n", 10_032)]
    [InlineData("1000,\n250,\r\n", 10_000)]
    [InlineData("3000000000\n3000000000\n", 48_000_000_000)]
    public void Packet_sizes_sum_to_bits(string ffprobeOutput, long bits) =>
        Assert.Equal(bits, VideoBits.Sum(ffprobeOutput));

    [Theory]
    [InlineData("")]
    [InlineData("\n\n")]
    [InlineData("N/A\n")]
    [InlineData("-5\n")]
    public void No_packet_or_a_line_that_is_no_size_is_refused(string ffprobeOutput) =>
        Assert.Throws<FormatException>(() => VideoBits.Sum(ffprobeOutput));

    [Theory]
    [InlineData(0.990, 0.990, true)]
    [InlineData(0.995, 0.990, true)]
    [InlineData(0.985, 0.990, true)]
    [InlineData(0.984999, 0.990, false)]
    [InlineData(0.950, 0.990, false)]
    public void A_bits_row_counts_only_within_the_ssim_tolerance(double ours, double fixedLadder, bool counts) =>
        Assert.Equal(counts, EncodingCostBenchmarks.Counts(ours, fixedLadder));
}
