namespace Transcoding.Dispatcher.Consumers;

/// <summary>RunPod still runs the job of an attempt the saga has ended: its usage cannot be read yet; the message is retried.</summary>
public sealed class JobNotEndedException(Guid mediaId, int attempt, string jobId, string status)
    : Exception($"RunPod job {jobId} of media {mediaId:D} attempt {attempt} is still {status}; its usage is read once it has ended.");
