using Microsoft.Extensions.Logging;

namespace Transcoding.Shared;

internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Warning, "Storage {Operation} of {Key} failed transiently ({Failure}); try {Attempt} in {DelayMilliseconds:0} ms, {RemainingSeconds:0.0} s of the outage budget left")]
    public static partial void StorageRetrying(ILogger logger, string operation, string key, string failure, int attempt, double delayMilliseconds, double remainingSeconds);
}
