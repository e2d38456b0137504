namespace Heliodesk.Features.Agents;

public static class AgentsFeature
{
    public static IHostApplicationBuilder AddAgents(this IHostApplicationBuilder builder) => builder.AddHeliodeskAuth();

    public static RouteGroupBuilder MapAgentsEndpoints(this RouteGroupBuilder api)
    {
        api.MapAuthApi();
        api.MapAgentApi();
        api.MapTeamApi();
        api.MapApiTokenApi();
        return api;
    }
}
