namespace Transcoding.LocalRunPod.Faults;

/// <summary>
/// <c>/admin/faults</c>, behind the API key: <c>GET</c> the <see cref="FaultReport"/>; <c>POST</c> a
/// <see cref="FaultRequest"/> (200 the fault now in force, 400 <c>{"error"}</c> saying what is wrong); <c>DELETE</c>
/// ends the fault at once (204).
/// </summary>
public static class FaultAdminApi
{
    public static IResult Get(FaultInjector faults) => Results.Json(faults.Report(), LocalRunPodJson.Options);

    public static IResult Set(FaultRequest request, FaultInjector faults)
    {
        var (fault, problem) = faults.Set(request);
        return fault is not null
            ? Results.Json(fault, LocalRunPodJson.Options)
            : Results.Json(new Api.ApiError(problem!), LocalRunPodJson.Options, statusCode: StatusCodes.Status400BadRequest);
    }

    public static IResult Clear(FaultInjector faults)
    {
        faults.Clear();
        return Results.NoContent();
    }
}
