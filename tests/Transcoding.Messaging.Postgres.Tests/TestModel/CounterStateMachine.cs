using MassTransit;

namespace Transcoding.Messaging.Postgres.Tests.TestModel;

public class CounterStateMachine : MassTransitStateMachine<CounterSaga>
{
    public CounterStateMachine()
        : this(insertOnInitial: false)
    {
    }

    protected CounterStateMachine(bool insertOnInitial)
    {
        InstanceState(x => x.CurrentState);
        Event(() => Started, e => e.InsertOnInitial = insertOnInitial);
        Schedule(() => Reminder, x => x.ReminderToken, s =>
        {
            s.Delay = TimeSpan.FromSeconds(1);
            s.Received = r => r.CorrelateById(m => m.Message.CorrelationId);
        });

        Initially(
            When(Started)
                .Then(x => x.Saga.Starts = 1)
                .TransitionTo(Active));

        During(Active,
            When(Started)
                .Then(x => x.Saga.Starts++),
            When(Incremented)
                .Then(x => x.Saga.Count++),
            When(Completed)
                .Then(x => x.Saga.Outputs = x.Message.Outputs),
            When(FailRequested)
                .Then(x => x.Saga.Count++)
                .Publish(x => new CounterFailing(x.Saga.CorrelationId))
                .Then(_ => throw new InvalidOperationException("The step failed after publishing")),
            When(ReminderRequested)
                .Schedule(Reminder, x => new CounterReminder(x.Saga.CorrelationId), x => TimeSpan.FromMilliseconds(x.Message.DelayMilliseconds)),
            When(ReminderCancelled)
                .Unschedule(Reminder),
            When(Reminder!.Received)
                .Then(x => x.Saga.Reminders++)
                .Publish(x => new CounterReminded(x.Saga.CorrelationId, x.Saga.Reminders)),
            When(Finished)
                .Finalize());

        SetCompletedWhenFinalized();
    }

    // Protected setters: the state machine assigns these by reflection, also on a derived machine.
    public State Active { get; protected set; } = null!;
    public Event<StartCounter> Started { get; protected set; } = null!;
    public Event<IncrementCounter> Incremented { get; protected set; } = null!;
    public Event<CompleteCounter> Completed { get; protected set; } = null!;
    public Event<FinishCounter> Finished { get; protected set; } = null!;
    public Event<FailCounter> FailRequested { get; protected set; } = null!;
    public Event<RequestReminder> ReminderRequested { get; protected set; } = null!;
    public Event<CancelReminder> ReminderCancelled { get; protected set; } = null!;
    public Schedule<CounterSaga, CounterReminder> Reminder { get; protected set; } = null!;
}
