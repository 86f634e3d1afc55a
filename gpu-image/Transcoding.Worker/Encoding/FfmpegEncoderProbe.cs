using Microsoft.Extensions.Logging;

namespace Transcoding.Worker.Encoding;

public sealed class FfmpegEncoderProbe(MediaToolRunner runner, ILogger<FfmpegEncoderProbe> logger) : IEncoderProbe
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public async Task<bool> WorksAsync(VideoEncoder encoder, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await runner.RunFfmpegAsync(FfmpegArguments.EncoderProbe(encoder), onProgressLine: null, timeout.Token);
            return true;
        }
        catch (ToolFailedException e)
        {
            Log.EncoderProbeFailed(logger, encoder.FfmpegName(), e.ErrorOutput);
            return false;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Log.EncoderProbeFailed(logger, encoder.FfmpegName(), "timed out");
            return false;
        }
    }
}
