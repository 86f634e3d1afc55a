using Transcoding.Contracts;

namespace Transcoding.Gateway.Tests.Infrastructure;

/// <summary>The first <see cref="TranscodeCompleted"/> of one media item that reached a consumer.</summary>
public sealed class ReceivedCompletion(Guid mediaId)
{
    private readonly TaskCompletionSource<TranscodeCompleted> _message = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<TranscodeCompleted> Message => _message.Task;

    public void Offer(TranscodeCompleted message)
    {
        // The broker may be shared with other suites: only this test's media item counts.
        if (message.MediaId == mediaId)
        {
            _message.TrySetResult(message);
        }
    }
}
