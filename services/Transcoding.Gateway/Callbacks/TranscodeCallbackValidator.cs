using FluentValidation;
using Transcoding.Shared.Storage;
using Transcoding.Shared.Webhooks;

namespace Transcoding.Gateway.Callbacks;

/// <summary>What a signed (or token-authenticated) report must look like before it becomes a bus message.</summary>
public sealed class TranscodeCallbackValidator : AbstractValidator<TranscodeCallback>
{
    public const int MaxJobIdLength = 200;
    public const int MaxErrorCodeLength = 100;
    public const int MaxErrorMessageLength = 4000;

    public TranscodeCallbackValidator()
    {
        RuleFor(c => c.MediaId).NotEmpty();
        RuleFor(c => c.Attempt).GreaterThanOrEqualTo(1);
        RuleFor(c => c.JobId).MaximumLength(MaxJobIdLength);
        RuleFor(c => c.Status)
            .Must(status => status is CallbackStatus.Completed or CallbackStatus.Failed or CallbackStatus.Progress)
            .WithMessage("'Status' must be completed, failed or progress.");

        When(c => c.Status == CallbackStatus.Completed, () =>
        {
            RuleFor(c => c.Outputs).NotNull().WithMessage("'Outputs' must be present when the status is completed.");
            When(c => c.Outputs is not null, () =>
            {
                RuleFor(c => c.Outputs!.MasterPlaylistKey).NotEmpty();
                RuleFor(c => c.Outputs!.ManifestKey).NotEmpty();
                RuleFor(c => c.Outputs!.Renditions).NotEmpty();
                RuleFor(c => c.Outputs!.DurationSeconds).GreaterThanOrEqualTo(0);
                RuleFor(c => c.Outputs)
                    .Must((callback, outputs) => OutputKeys.All(outputs!).All(key => OutputKeys.IsUnder(MediaKeys.Prefix(callback.MediaId), key)))
                    .WithName("Outputs")
                    .WithMessage("Every output key must lie under media/{mediaId}/ of this media item.");
            });
        });

        When(c => c.Status == CallbackStatus.Failed, () =>
        {
            RuleFor(c => c.Error).NotNull().WithMessage("'Error' must be present when the status is failed.");
            When(c => c.Error is not null, () =>
            {
                RuleFor(c => c.Error!.Code).NotEmpty().MaximumLength(MaxErrorCodeLength);
                RuleFor(c => c.Error!.Message).NotEmpty().MaximumLength(MaxErrorMessageLength);
            });
        });

        When(c => c.Status == CallbackStatus.Progress, () =>
            RuleFor(c => c.Progress).NotNull().InclusiveBetween(0, 100));
    }
}
