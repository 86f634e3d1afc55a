using FluentValidation;
using Transcoding.Shared.Storage;
using Transcoding.Shared.Webhooks;

namespace Transcoding.Gateway.Callbacks;

/// <summary>What a signed (or token-authenticated) report must look like before it becomes a bus message.</summary>
public sealed class TranscodeCallbackValidator : AbstractValidator<TranscodeCallback>
{
    public const int MaxJobIdLength = 200;

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
            RuleFor(c => c.Outputs).Custom((outputs, context) =>
            {
                foreach (var problem in outputs is null ? [] : OutputsRecordRules.Problems(context.InstanceToValidate.MediaId, outputs))
                {
                    context.AddFailure(problem.Field, problem.Message);
                }
            });
        });

        When(c => c.Status == CallbackStatus.Failed, () =>
        {
            RuleFor(c => c.Error).NotNull().WithMessage("'Error' must be present when the status is failed.");
            When(c => c.Error is not null, () =>
            {
                // Present; what they may contain is not refused but made safe where the report becomes a message
                // (FailureReportRules): the worker's verdict still reaches the saga.
                RuleFor(c => c.Error!.Code).NotEmpty();
                RuleFor(c => c.Error!.Message).NotEmpty();
            });
        });

        When(c => c.Status == CallbackStatus.Progress, () =>
            RuleFor(c => c.Progress).NotNull().InclusiveBetween(0, 100));
    }
}
