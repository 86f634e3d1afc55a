using System.Net.Sockets;
using RabbitMQ.Client.Exceptions;
using Transcoding.Faults.Broker;

namespace Transcoding.Orchestrator.FaultsApi;

/// <summary>
/// What the faults routes answer when the broker is not there to act on: 503 with the reason when this process has no
/// broker (<see cref="FaultBroker.Unavailable"/>) or it cannot be reached or refuses the credentials; 404 when the
/// queue, message or group named does not exist (<see cref="BrokerFailure.NotFound"/>). Reasons are the library's own
/// texts or a fixed one: a client library's message could carry the broker URI with its password.
/// </summary>
public sealed class FaultBrokerFilter(FaultBroker broker, ILogger<FaultBrokerFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (broker.Unavailable is { } reason)
        {
            return Unavailable(reason);
        }

        try
        {
            return await next(context);
        }
        catch (BrokerException e) when (e.Failure == BrokerFailure.NotFound)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status404NotFound);
        }
        catch (BrokerException e)
        {
            return Unavailable(e.Message);
        }
        catch (Exception e) when (e is BrokerUnreachableException or RabbitMQClientException or HttpRequestException or SocketException)
        {
            return Unavailable($"RabbitMQ or its management API cannot be reached ({e.GetType().Name})");
        }
    }

    private IResult Unavailable(string reason)
    {
        Log.FaultsUnavailable(logger, reason);
        return TypedResults.Problem(reason, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
