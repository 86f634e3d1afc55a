using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;
using Amazon.S3;
using Transcoding.Shared.Storage;

namespace Transcoding.Shared.Tests.Storage;

public class StorageFaultsTests
{
    private static readonly Dictionary<string, Func<Exception>> Failures = new()
    {
        ["connection refused"] = () => new HttpRequestException("Connection refused (127.0.0.1:36443)", new SocketException((int)SocketError.ConnectionRefused)),
        ["connection reset while reading the body"] = () => new IOException("Unable to read data from the transport connection.", new SocketException((int)SocketError.ConnectionReset)),
        ["response ended prematurely"] = () => new HttpIOException(HttpRequestError.ResponseEnded),
        ["HTTP client timeout"] = () => new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout.", new TimeoutException()),
        ["network error wrapped by the SDK"] = () => new AmazonServiceException("Error making request", new HttpRequestException("Connection reset")),
        ["500 InternalError"] = () => S3("InternalError", HttpStatusCode.InternalServerError),
        ["503 SlowDown"] = () => S3("SlowDown", HttpStatusCode.ServiceUnavailable),
        ["429 TooManyRequests"] = () => S3("TooManyRequests", HttpStatusCode.TooManyRequests),
        ["400 RequestTimeout"] = () => S3("RequestTimeout", HttpStatusCode.BadRequest),
        ["HTTP 502 from a proxy"] = () => new HttpRequestException("Bad gateway", null, HttpStatusCode.BadGateway),
        ["object not found"] = () => new ObjectNotFoundException("uploads/x.mp4"),
        ["403 AccessDenied"] = () => S3("AccessDenied", HttpStatusCode.Forbidden),
        ["400 InvalidArgument"] = () => S3("InvalidArgument", HttpStatusCode.BadRequest),
        ["404 NoSuchBucket"] = () => S3("NoSuchBucket", HttpStatusCode.NotFound),
        ["501 NotImplemented"] = () => S3("NotImplemented", HttpStatusCode.NotImplemented),
        ["HTTP 505 without the SDK"] = () => new HttpRequestException("HTTP Version Not Supported", null, HttpStatusCode.HttpVersionNotSupported),
        ["HTTP 403 without the SDK"] = () => new HttpRequestException("Forbidden", null, HttpStatusCode.Forbidden),
        ["cancelled by the caller"] = () => new OperationCanceledException(),
        ["disk full"] = () => new IOException("No space left on device"),
        ["missing local folder"] = () => new DirectoryNotFoundException("Could not find a part of the path '/mnt/bucket/uploads'."),
        ["missing local file"] = () => new FileNotFoundException("Could not find file."),
        ["a bug of ours"] = () => new InvalidOperationException("Sequence contains no elements"),
    };

    public static TheoryData<string, bool> Rule => new()
    {
        { "connection refused", true },
        { "connection reset while reading the body", true },
        { "response ended prematurely", true },
        { "HTTP client timeout", true },
        { "network error wrapped by the SDK", true },
        { "500 InternalError", true },
        { "503 SlowDown", true },
        { "429 TooManyRequests", true },
        { "400 RequestTimeout", true },
        { "HTTP 502 from a proxy", true },
        { "object not found", false },
        { "403 AccessDenied", false },
        { "400 InvalidArgument", false },
        { "404 NoSuchBucket", false },

        // A feature the store does not have (R2 and s3rver answer 501 to operations or headers they lack): no outage.
        { "501 NotImplemented", false },
        { "HTTP 505 without the SDK", false },
        { "HTTP 403 without the SDK", false },
        { "cancelled by the caller", false },
        { "disk full", false },
        { "missing local folder", false },
        { "missing local file", false },
        { "a bug of ours", false },
    };

    [Theory]
    [MemberData(nameof(Rule))]
    public void When_storage_fails_only_an_outage_or_overload_is_transient(string failure, bool transient) =>
        Assert.Equal(transient, StorageFaults.IsTransient(Failures[failure]()));

    private static AmazonS3Exception S3(string code, HttpStatusCode status) => new($"{code}", ErrorType.Sender, code, "request-1", status);
}
