using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;

namespace Transcoding.Shared.Storage;

/// <summary>
/// The one rule for "would the same storage call succeed if tried again in a few seconds": true for a bucket that is
/// briefly unreachable or overloaded, false for anything about the request, the object or this machine.
/// </summary>
/// <remarks>
/// Transient: a network failure anywhere in the exception chain (<see cref="HttpRequestException"/> without a status,
/// <see cref="SocketException"/> such as connection refused or reset, <see cref="HttpIOException"/> such as a
/// response cut short, a <see cref="TimeoutException"/> such as the HTTP client's own timeout); an S3/R2 answer of
/// HTTP 5xx but 501 and 505, 429 or 408, or the error codes <c>SlowDown</c> and <c>RequestTimeout</c> (S3 sends the
/// latter with a 400). 501 <c>NotImplemented</c> (R2 and s3rver for an operation or header they lack) and 505 say the
/// request can never work there, not that the store is down.
/// Not transient: <see cref="ObjectNotFoundException"/> (the key is wrong, waiting does not make it appear), any other
/// 4xx (403 credentials, 400 request), a cancellation, and file-system <see cref="IOException"/>s without a network
/// cause: a missing, full or read-only disk under the job's folder or <see cref="LocalFolderStorage"/>'s root is a
/// fault of this machine that no minute of waiting repairs, so retrying would only report it later. So nothing a
/// <see cref="LocalFolderStorage"/> throws is transient. AWS error codes: S3 API reference, "Error responses".
/// </remarks>
public static class StorageFaults
{
    public static bool IsTransient(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case ObjectNotFoundException:
                    return false;
                case AmazonServiceException service when service.StatusCode != 0:
                    return service.ErrorCode is "SlowDown" or "RequestTimeout" || IsTransient(service.StatusCode);
                case HttpRequestException { StatusCode: { } status }:
                    return IsTransient(status);
                case HttpRequestException or SocketException or HttpIOException or TimeoutException:
                    return true;
            }
        }

        return false;
    }

    private static bool IsTransient(HttpStatusCode status) =>
        ((int)status >= 500 && status is not (HttpStatusCode.NotImplemented or HttpStatusCode.HttpVersionNotSupported))
        || status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout;
}
