using Transcoding.Worker.Encoding;
using Transcoding.Worker.Probing;

namespace Transcoding.Worker.Tests.Encoding;

public sealed class AudioRenditionTests
{
    private static readonly VideoStreamInfo Video = new(0, "h264", 1280, 720, 0, 1, 25);

    private static AudioStreamInfo Track(int index, bool isDefault = false, string? language = null, string? title = null) =>
        new(index, "aac", 48000, 2) { IsDefault = isDefault, Language = language, Title = title };

    public static TheoryData<AudioStreamInfo[], string[]> Tracks => new()
    {
        { [Track(1)], ["audio #1 \"Audio 1\" - default"] },
        {
            [Track(1, title: "Commentary", language: "fre"), Track(2, isDefault: true, language: "eng")],
            ["audio #2 \"English\" en default", "audio-2 #1 \"Commentary\" fr"]
        },
        {
            [Track(1, language: "spa"), Track(2), Track(3, language: "haw")],
            ["audio #1 \"Español\" es default", "audio-2 #2 \"Audio 2\" -", "audio-3 #3 \"Audio 3\" haw"]
        },
        {
            [Track(1, isDefault: true, language: "deu"), Track(2, language: "ger"), Track(3, title: "Say \"hi\"\n"), Track(4, title: " ")],
            ["audio #1 \"Deutsch\" de default", "audio-2 #2 \"Deutsch (2)\" de", "audio-3 #3 \"Say 'hi'\" -", "audio-4 #4 \"Audio 4\" -"]
        },
    };

    [Theory]
    [MemberData(nameof(Tracks))]
    public void When_audio_tracks_are_planned_the_main_one_is_audio_and_the_others_are_numbered_in_source_order(AudioStreamInfo[] tracks, string[] expected)
    {
        var planned = AudioRendition.Plan(new MediaProbe(Video, tracks, 10));

        Assert.Equal(expected, planned.Select(r => $"{r.Name} #{r.Stream.Index} \"{r.Label}\" {r.Language ?? "-"}{(r.IsDefault ? " default" : "")}"));
    }

    [Fact]
    public void When_the_source_has_no_audio_nothing_is_planned()
    {
        Assert.Empty(AudioRendition.Plan(new MediaProbe(Video, [], 10)));
    }
}
