using Heliodesk.Data;
using Heliodesk.Features.Agents;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Heliodesk.Features.Routing.Operations;

/// <summary><c>GET /operations?region=</c>: the live operations view as data, for leads and admins.</summary>
public static class OperationsApi
{
    public static RouteGroupBuilder MapOperationsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/operations", GetOperations).WithTags("Routing").RequireAuthorization(Policies.Lead).WithName(nameof(GetOperations));
        return api;
    }

    public static async Task<Ok<OperationsResponse>> GetOperations(string? region, HeliodeskDb db, RoutingAgents agents, TimeProvider time, CancellationToken ct) =>
        TypedResults.Ok(await OperationsReader.ReadAsync(db, agents, time.GetUtcNow(), string.IsNullOrWhiteSpace(region) ? null : region.Trim(), ct));

    public static IHostApplicationBuilder AddRoutingOperations(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<PresenceFeed>();
        builder.Services.AddSingleton<PresenceFeedInterceptor>();
        builder.Services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(sp => sp.GetRequiredService<PresenceFeedInterceptor>());
        return builder;
    }
}
