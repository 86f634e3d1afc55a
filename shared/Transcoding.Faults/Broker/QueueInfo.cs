namespace Transcoding.Faults.Broker;

/// <summary>A queue as the management API lists it; its counts are sampled statistics, a few seconds old.</summary>
public sealed record QueueInfo(string Name, long Messages, long Consumers, string Type);
