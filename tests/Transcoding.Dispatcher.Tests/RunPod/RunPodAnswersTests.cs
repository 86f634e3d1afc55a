using System.Net;
using Transcoding.Dispatcher.RunPod;

namespace Transcoding.Dispatcher.Tests.RunPod;

/// <summary>Every status RunPod documents (send-requests.mdx "Error handling") and a few it may send, for each operation.</summary>
public sealed class RunPodAnswersTests
{
    [Theory]
    [InlineData(200, RunPodOperation.Run, RunPodAnswer.Success)]
    [InlineData(200, RunPodOperation.Status, RunPodAnswer.Success)]
    [InlineData(200, RunPodOperation.Cancel, RunPodAnswer.Success)]
    [InlineData(200, RunPodOperation.Health, RunPodAnswer.Success)]
    [InlineData(400, RunPodOperation.Run, RunPodAnswer.Rejected)]
    [InlineData(400, RunPodOperation.Status, RunPodAnswer.Rejected)]
    [InlineData(400, RunPodOperation.Cancel, RunPodAnswer.Rejected)]
    [InlineData(422, RunPodOperation.Run, RunPodAnswer.Rejected)]
    [InlineData(401, RunPodOperation.Run, RunPodAnswer.ConfigurationFault)]
    [InlineData(401, RunPodOperation.Status, RunPodAnswer.ConfigurationFault)]
    [InlineData(401, RunPodOperation.Cancel, RunPodAnswer.ConfigurationFault)]
    [InlineData(401, RunPodOperation.Health, RunPodAnswer.ConfigurationFault)]
    [InlineData(403, RunPodOperation.Run, RunPodAnswer.ConfigurationFault)]
    [InlineData(403, RunPodOperation.Status, RunPodAnswer.ConfigurationFault)]
    [InlineData(403, RunPodOperation.Cancel, RunPodAnswer.ConfigurationFault)]
    [InlineData(403, RunPodOperation.Health, RunPodAnswer.ConfigurationFault)]
    [InlineData(404, RunPodOperation.Run, RunPodAnswer.ConfigurationFault)]
    [InlineData(404, RunPodOperation.Health, RunPodAnswer.ConfigurationFault)]
    [InlineData(404, RunPodOperation.Status, RunPodAnswer.UnknownJob)]
    [InlineData(404, RunPodOperation.Cancel, RunPodAnswer.UnknownJob)]
    [InlineData(408, RunPodOperation.Run, RunPodAnswer.Transient)]
    [InlineData(429, RunPodOperation.Run, RunPodAnswer.Transient)]
    [InlineData(429, RunPodOperation.Status, RunPodAnswer.Transient)]
    [InlineData(429, RunPodOperation.Health, RunPodAnswer.Transient)]
    [InlineData(500, RunPodOperation.Run, RunPodAnswer.Transient)]
    [InlineData(502, RunPodOperation.Status, RunPodAnswer.Transient)]
    [InlineData(503, RunPodOperation.Cancel, RunPodAnswer.Transient)]
    [InlineData(503, RunPodOperation.Health, RunPodAnswer.Transient)]
    public void When_RunPod_answers_a_status_to_an_operation_it_means_one_thing(int status, RunPodOperation operation, RunPodAnswer expected) =>
        Assert.Equal(expected, RunPodAnswers.Classify(operation, (HttpStatusCode)status));
}
