using Transcoding.LocalRunPod.Instant;
using Transcoding.Shared.Storage;

namespace Transcoding.LocalRunPod.Tests.Instant;

public sealed class InstantOutputsTests
{
    [Fact]
    public void When_instant_outputs_are_made_the_record_passes_the_outputs_rules_of_the_gateway_and_the_poll()
    {
        var mediaId = Guid.NewGuid();

        Assert.Empty(OutputsRecordRules.Problems(mediaId, InstantOutputs.Record(mediaId)));
    }

    [Fact]
    public void When_instant_outputs_are_written_every_key_of_the_record_is_written_and_the_manifest_last()
    {
        var mediaId = Guid.NewGuid();

        var keys = InstantOutputs.Objects(mediaId).Select(item => item.Key).ToList();

        Assert.Subset(keys.ToHashSet(), MediaKeys.Of(InstantOutputs.Record(mediaId)).Select(key => key!).ToHashSet());
        Assert.Equal(MediaKeys.Manifest(mediaId), keys[^1]);
        Assert.All(keys, key => Assert.True(MediaKeys.IsOf(mediaId, key), key));
    }
}
