namespace Transcoding.Worker.Encoding;

public interface IEncoderProbe
{
    /// <summary>True when a tiny real encode with <paramref name="encoder"/> succeeds on this machine.</summary>
    Task<bool> WorksAsync(VideoEncoder encoder, CancellationToken cancellationToken);
}
