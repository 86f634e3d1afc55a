using System.Diagnostics;
using Microsoft.Extensions.Options;
using Transcoding.Contracts;
using Transcoding.Shared.Jobs;
using Transcoding.Shared.Webhooks;

namespace Transcoding.Dispatcher.RunPod;

/// <summary>Builds the <c>/run</c> body of an attempt: worker input, the tokenised RunPod webhook URL, the policy.</summary>
public sealed class RunPodRunRequestFactory(IOptions<RunPodOptions> options)
{
    private readonly RunPodOptions _options = options.Value;
    private readonly RunPodWebhookToken _tokens = new(Convert.FromBase64String(options.Value.WebhookTokenSecret));

    public RunPodRunRequest Create(DispatchTranscode command)
    {
        var input = new WorkerJobInput
        {
            MediaId = command.MediaId,
            Attempt = command.Attempt,
            SourceKey = command.SourceKey,
            CallbackUrl = WebhookRoutes.TranscodeUrl(_options.CallbackBaseUrl),
            TraceParent = Activity.Current is { IdFormat: ActivityIdFormat.W3C } activity ? activity.Id : null,
        };
        var token = _tokens.Create(command.MediaId, command.Attempt);
        var webhook = WebhookRoutes.RunPodUrl(_options.CallbackBaseUrl, command.MediaId, command.Attempt, token);
        return new RunPodRunRequest(input, webhook, RunPodJobPolicyPlanner.Plan(command.SizeBytes, _options));
    }
}
