namespace Transcoding.Messaging.Postgres.Tests.TestModel;

/// <summary>The same machine with pre-insert on initial events, so creates go through the repository's Insert.</summary>
public sealed class PreInsertingCounterStateMachine() : CounterStateMachine(insertOnInitial: true);
