namespace Transcoding.Chaos.Faults;

/// <summary>
/// The seeded plan: faults one after another through the upload window, drawn from the catalogue in rounds (each round
/// every fault once, in a seeded order, so a window long enough for the catalogue holds each kind at least once), the
/// next one starting either 3 to 10 s after the previous one ends or (one time in three) while it is still held, so some
/// overlap. (Drawn with replacement, a 240 s window had left PostgreSQL uncrashed for 38 % of seeds; with gaps of 8 to
/// 25 s the whole catalogue of 11 did not fit into it.) The plan depends only on the seed, the catalogue's order and the window.
/// </summary>
public sealed class FaultSchedule(IReadOnlyList<IFault> catalogue, int seed)
{
    /// <summary>Faults start after the first tenth of the window (the system first carries load) and before its end.</summary>
    public IReadOnlyList<(IFault Fault, TimeSpan At)> Plan(TimeSpan window)
    {
        var random = new Random(seed);
        var plan = new List<(IFault, TimeSpan)>();
        var round = new Queue<IFault>();
        for (var at = window / 10; at < window * 0.9;)
        {
            if (round.Count == 0)
            {
                var order = catalogue.ToArray();
                random.Shuffle(order);
                order.ToList().ForEach(round.Enqueue);
            }

            var fault = round.Dequeue();
            plan.Add((fault, at));
            var overlap = random.Next(3) == 0;
            at += overlap
                ? fault.Hold * random.NextDouble()
                : fault.Hold + TimeSpan.FromSeconds(3 + (random.NextDouble() * 7));
        }

        return plan;
    }

    /// <summary>Runs <paramref name="plan"/> against the clock started at <paramref name="origin"/>; returns what happened, in start order.</summary>
    public static async Task<IReadOnlyList<FaultRecord>> RunAsync(
        IReadOnlyList<(IFault Fault, TimeSpan At)> plan, System.Diagnostics.Stopwatch origin, CancellationToken cancellationToken)
    {
        // One gate per fault: the same fault is not injected again while it is held.
        var gates = plan.Select(p => p.Fault).Distinct().ToDictionary(f => f, _ => new SemaphoreSlim(1, 1));
        var runs = plan.Select(async entry =>
        {
            var delay = entry.At - origin.Elapsed;
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, cancellationToken);
            }

            await gates[entry.Fault].WaitAsync(cancellationToken);
            try
            {
                var started = origin.Elapsed;
                Console.WriteLine($"chaos: {started.TotalSeconds,6:0.0} s  start {entry.Fault.Name}");
                var effect = await entry.Fault.StartAsync(cancellationToken);
                var inForce = origin.Elapsed;
                if (!effect.Injected)
                {
                    Console.WriteLine($"chaos: {inForce.TotalSeconds,6:0.0} s  not injected: {entry.Fault.Name}: {effect.Detail}");
                    return new FaultRecord(entry.Fault.Name, entry.At, started, inForce, inForce, effect, null);
                }

                Console.WriteLine($"chaos: {inForce.TotalSeconds,6:0.0} s  in force {entry.Fault.Name}");

                await Task.Delay(entry.Fault.Hold, cancellationToken);
                try
                {
                    await entry.Fault.StopAsync(cancellationToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    Console.WriteLine($"chaos: stop of {entry.Fault.Name} failed: {exception.Message}");
                    return new FaultRecord(entry.Fault.Name, entry.At, started, inForce, null, effect, exception.GetType().Name + ": " + exception.Message.Split('\n')[0]);
                }

                Console.WriteLine($"chaos: {origin.Elapsed.TotalSeconds,6:0.0} s  stopped {entry.Fault.Name}");
                return new FaultRecord(entry.Fault.Name, entry.At, started, inForce, origin.Elapsed, effect, null);
            }
            finally
            {
                gates[entry.Fault].Release();
            }
        });
        return [.. (await Task.WhenAll(runs)).OrderBy(r => r.Started)];
    }
}
