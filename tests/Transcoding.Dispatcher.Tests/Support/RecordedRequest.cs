namespace Transcoding.Dispatcher.Tests.Support;

public sealed record RecordedRequest(string Method, string Operation, string? JobId, string? Authorization, string Body);
