using Transcoding.Testing;

namespace Transcoding.LocalRunPod.Tests.Conformance;

public sealed class FixtureCopyTests
{
    [SharedFixtureFact]
    public void When_the_shared_fixture_exists_the_repository_copy_is_identical()
    {
        var shared = File.ReadAllBytes(RunPodPythonExchanges.SharedCopy!);

        Assert.Equal(shared, File.ReadAllBytes(RunPodPythonExchanges.RepositoryCopy));
        Assert.Equal(shared, File.ReadAllBytes(RunPodPythonExchanges.OutputCopy));
    }
}
