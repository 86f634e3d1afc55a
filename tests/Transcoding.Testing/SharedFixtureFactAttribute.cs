using Xunit;

namespace Transcoding.Testing;

/// <summary>A fact about the product owner's shared fixtures, skipped (saying why) where they are absent, as in CI.</summary>
public sealed class SharedFixtureFactAttribute : FactAttribute
{
    public SharedFixtureFactAttribute()
    {
        if (RunPodPythonExchanges.SharedCopy is null)
        {
            Skip = $"no shared fixtures here: neither ../shared/fixtures/{RunPodPythonExchanges.FileName} beside the repository nor /work/shared/fixtures/ exists (CI has only the repository copy).";
        }
    }
}
