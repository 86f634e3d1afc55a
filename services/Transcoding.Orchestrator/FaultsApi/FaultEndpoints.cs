using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Transcoding.Faults;
using Transcoding.Faults.Broker;
using Transcoding.Orchestrator.Auth;

namespace Transcoding.Orchestrator.FaultsApi;

/// <summary>
/// The MassTransit error queues over HTTP, through the code <c>ops faults</c> runs (<see cref="FaultOperations"/>):
/// <c>GET /faults</c> (reader) lists them as <c>ops faults list --json</c> does; <c>POST /faults/replay</c> and
/// <c>POST /faults/purge</c> (operator) act on a <see cref="FaultSelection"/> and answer the outcome counts; a replay
/// is paced by <c>?rate=</c> as <c>ops faults replay --rate</c> is (<see cref="ReplayRate"/>). 400 when the selection is
/// not exactly one selector or the rate is not one, 404 when it names nothing, 503 with the reason when there is no
/// broker (<see cref="FaultBrokerFilter"/>).
/// </summary>
public static class FaultEndpoints
{
    /// <summary>The faults API's services; its RabbitMQ connections are named <paramref name="serviceName"/> (the process's own).</summary>
    public static IServiceCollection AddFaultsApi(this IServiceCollection services, string serviceName)
    {
        services.AddHttpClient<ManagementClient>(http => http.Timeout = TimeSpan.FromSeconds(30));
        services.AddSingleton(provider => new ErrorQueues(provider.GetRequiredService<ManagementClient>(), serviceName));
        services.AddSingleton<FaultOperations>();
        services.AddSingleton<FaultBroker>();
        return services;
    }

    public static IEndpointRouteBuilder MapFaultsApi(this IEndpointRouteBuilder app)
    {
        var faults = app.MapGroup("/faults").WithTags("Faults").AddEndpointFilter<FaultBrokerFilter>();
        // FaultBrokerFilter's answers: 503 on every route, 404 on a selection that names nothing.
        faults.MapGet("", ListFaults).WithName("ListFaults").ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        faults.MapPost("/replay", ReplayFaults).WithName("ReplayFaults").RequireAuthorization(Roles.Operator)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        faults.MapPost("/purge", PurgeFaults).WithName("PurgeFaults").RequireAuthorization(Roles.Operator)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    private static async Task<Ok<FaultListing>> ListFaults(FaultBroker broker, FaultOperations operations, CancellationToken cancellationToken) =>
        TypedResults.Ok(await operations.ListAsync(broker.Endpoints!, cancellationToken));

    /// <summary>
    /// Every selected message back to the queue it faulted on, removed from its error queue once the broker has the copy,
    /// at most <paramref name="rate"/> a second (400 with <see cref="ReplayRate.OutOfRange"/> when it is not a rate).
    /// </summary>
    private static async Task<Results<Ok<FaultReplayResult>, BadRequest<string>>> ReplayFaults(
        FaultSelection selection,
        [FromQuery, Description("At most this many messages replayed per second (a number from 0.001, one message per 1000 s, to 1000; decimals allowed), so a service that just recovered is not flooded. Absent: no limit, as ops faults replay without --rate.")] string? rate,
        FaultBroker broker,
        FaultOperations operations,
        HttpContext http,
        ILogger<FaultBroker> logger,
        CancellationToken cancellationToken)
    {
        var (pause, error) = ReplayRate.Parse(rate);
        if (error is not null)
        {
            return TypedResults.BadRequest(error);
        }

        return await OnSelectionAsync(selection, broker, operations, async (endpoints, queues, selector) =>
        {
            // Messages go back one by one, so the audit line counts them as they go and is written however the replay
            // ends: a caller who disconnects or an error mid-way has still put messages back.
            var (described, caller) = (selector.ToString(), Caller(http));
            var (replayed, failed, ending) = (0, 0, "failed");
            void Count(FaultOutcome outcome)
            {
                if (outcome.Disposition != FaultDisposition.Replay)
                {
                    return;
                }

                replayed += outcome.Succeeded ? 1 : 0;
                failed += outcome.Succeeded ? 0 : 1;
            }

            try
            {
                var replays = await operations.ReplayAsync(endpoints, queues, selector, pause, Count, cancellationToken);
                ending = "completed";
                return new FaultReplayResult(described, replays.Count, replayed, failed, [.. replays.Select(ReplayedMessage.Of)]);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                ending = "cancelled";
                throw;
            }
            finally
            {
                Log.FaultsReplayed(logger, caller, described, ending, replayed, failed);
            }
        }, cancellationToken);
    }

    /// <summary>Every selected message deleted for good (the dashboard asks the operator first).</summary>
    private static Task<Results<Ok<FaultPurgeResult>, BadRequest<string>>> PurgeFaults(
        FaultSelection selection, FaultBroker broker, FaultOperations operations, HttpContext http, ILogger<FaultBroker> logger, CancellationToken cancellationToken) =>
        OnSelectionAsync(selection, broker, operations, async (endpoints, queues, selector) =>
        {
            var deleted = await operations.PurgeAsync(endpoints, queues, selector, cancellationToken);
            var (described, caller) = (selector.ToString(), Caller(http));
            Log.FaultsPurged(logger, caller, described, deleted);
            return new FaultPurgeResult(described, deleted);
        }, cancellationToken);

    /// <summary>400 unless the selection is exactly one selector; else <paramref name="act"/> on the error queues it names (404 when none).</summary>
    private static async Task<Results<Ok<T>, BadRequest<string>>> OnSelectionAsync<T>(
        FaultSelection selection, FaultBroker broker, FaultOperations operations,
        Func<BrokerEndpoints, IReadOnlyList<string>, FaultSelector, Task<T>> act, CancellationToken cancellationToken)
    {
        var (selector, error) = selection.Selector();
        if (selector is null)
        {
            return TypedResults.BadRequest(error!);
        }

        var queues = await operations.QueuesToReadAsync(broker.Endpoints!, selector, cancellationToken);
        return TypedResults.Ok(await act(broker.Endpoints!, queues, selector));
    }

    private static string Caller(HttpContext http) => CallerIdentity.NameOf(http.User);
}
