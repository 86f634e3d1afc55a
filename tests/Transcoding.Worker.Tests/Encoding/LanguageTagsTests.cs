using Transcoding.Worker.Encoding;

namespace Transcoding.Worker.Tests.Encoding;

public sealed class LanguageTagsTests
{
    [Theory]
    [InlineData("eng", "en")]
    [InlineData("fra", "fr")]
    [InlineData("fre", "fr")]
    [InlineData("ger", "de")]
    [InlineData("chi", "zh")]
    [InlineData("JPN", "ja")]
    [InlineData("en", "en")]
    [InlineData("pt-BR", "pt-BR")]
    [InlineData("haw", "haw")]
    [InlineData("zxx", "zxx")]
    [InlineData("English", null)]
    [InlineData("e\"n", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void When_a_track_is_tagged_with_an_iso_639_code_the_shortest_rfc_5646_tag_is_written(string? code, string? tag)
    {
        Assert.Equal(tag, LanguageTags.ToRfc5646(code));
    }

    [Theory]
    [InlineData("fr", "Français")]
    [InlineData("fr-CA", "Français")]
    [InlineData("de", "Deutsch")]
    [InlineData("en", "English")]
    [InlineData("ja", "日本語")]
    [InlineData("zu", "isiZulu")]
    [InlineData("haw", null)]
    public void When_a_language_is_named_it_is_named_in_itself(string tag, string? name)
    {
        Assert.Equal(name, LanguageTags.NativeName(tag));
    }
}
