using Transcoding.Contracts;

namespace Transcoding.Gateway.Callbacks;

/// <summary>The object keys an outputs record points at, and the rule that keeps them inside one media item's prefix.</summary>
public static class OutputKeys
{
    public static IEnumerable<string?> All(TranscodeOutputs outputs)
    {
        yield return outputs.MasterPlaylistKey;
        yield return outputs.ManifestKey;
        foreach (var rendition in outputs.Renditions)
        {
            yield return rendition?.PlaylistKey;
        }

        if (outputs.PosterKey is not null)
        {
            yield return outputs.PosterKey;
        }

        if (outputs.Waveform is not null)
        {
            yield return outputs.Waveform.JsonKey;
            yield return outputs.Waveform.DatKey;
        }
    }

    /// <summary>
    /// True when <paramref name="key"/> names an object strictly below <paramref name="prefix"/>: no empty, "." or ".."
    /// segment and no backslash or control character, so no reader can resolve it to another media item.
    /// </summary>
    public static bool IsUnder(string prefix, string? key)
    {
        if (key is null || key.Length <= prefix.Length || !key.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        if (key.Any(c => c == '\\' || char.IsControl(c)))
        {
            return false;
        }

        return key[prefix.Length..].Split('/').All(segment => segment is not ("" or "." or ".."));
    }
}
