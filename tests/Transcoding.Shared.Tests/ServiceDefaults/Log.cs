using Microsoft.Extensions.Logging;

namespace Transcoding.Shared.Tests.ServiceDefaults;

internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Media {MediaId} transcoded")]
    public static partial void Transcoded(ILogger logger, string mediaId);
}
