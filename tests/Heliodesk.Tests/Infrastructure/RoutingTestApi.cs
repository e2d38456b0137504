using System.Net;
using System.Net.Http.Json;
using Heliodesk.Features.Agents;
using Heliodesk.Features.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Heliodesk.Tests.Infrastructure;

/// <summary>Intent helpers for queues, rules, presence and the router.</summary>
public static class RoutingTestApi
{
    /// <summary>Runs one routing pass now, as the worker would after a nudge; passes never overlap, so this is deterministic.</summary>
    public static Task<RouterPass> RouteNowAsync(this HeliodeskApplication app) =>
        app.Services.GetRequiredService<RouterWorker>().RunOnceAsync(TestContext.Current.CancellationToken);

    public static async Task<QueueResponse> CreateQueueAsync(this HttpClient admin, string name, object? settings = null)
    {
        var body = new Dictionary<string, object?> { ["name"] = name };
        foreach (var property in settings?.GetType().GetProperties() ?? [])
        {
            body[System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(property.Name)] = property.GetValue(settings);
        }
        return await (await admin.PostAsJsonAsync("/api/v1/queues", body, TestApi.Json)).ReadAsync<QueueResponse>(HttpStatusCode.Created);
    }

    public static async Task<RoutingRuleResponse> CreateRuleAsync(this HttpClient admin, Guid queueId, object? conditions = null, string name = "Rule")
    {
        var body = new Dictionary<string, object?> { ["name"] = name, ["queueId"] = queueId };
        foreach (var property in conditions?.GetType().GetProperties() ?? [])
        {
            body[System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(property.Name)] = property.GetValue(conditions);
        }
        return await (await admin.PostAsJsonAsync("/api/v1/routing-rules", body, TestApi.Json)).ReadAsync<RoutingRuleResponse>(HttpStatusCode.Created);
    }

    /// <summary>Invites an agent with a routing profile and puts them online.</summary>
    public static async Task<TestAgent> OnlineAgentAsync(
        this HeliodeskApplication app, TestWorkspace ws, string[] languages, string[]? skills = null, int tier = 1, string? region = null, bool online = true,
        string timeZone = "UTC")
    {
        var agent = await app.InviteAgentAsync(ws, AgentRole.Agent, extra: new { languages, skills = skills ?? [], tier, region, timeZone });
        if (online)
        {
            await agent.Client.SetMyStatusAsync(AgentStatus.Online);
        }
        return agent;
    }

    public static async Task<PresenceResponse> SetMyStatusAsync(this HttpClient client, AgentStatus status) =>
        await (await client.PutAsJsonAsync("/api/v1/presence/me", new { status }, TestApi.Json)).ReadAsync<PresenceResponse>(HttpStatusCode.OK);

    public static async Task<TicketRoutingResponse> RoutingOfAsync(this HttpClient client, Guid ticketId) =>
        await (await client.GetAsync($"/api/v1/tickets/{ticketId}/routing")).ReadAsync<TicketRoutingResponse>(HttpStatusCode.OK);

    /// <summary>Gives the agent the same shift on every weekday, in their own zone.</summary>
    public static async Task<ScheduleResponse> WeekdayShiftsAsync(this HttpClient lead, Guid agentId, string start, string end, object? exceptions = null)
    {
        var shifts = new[] { "monday", "tuesday", "wednesday", "thursday", "friday" }.Select(day => new { day, start, end }).ToArray();
        var body = new Dictionary<string, object?> { ["shifts"] = shifts };
        foreach (var property in exceptions?.GetType().GetProperties() ?? [])
        {
            body[System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(property.Name)] = property.GetValue(exceptions);
        }
        return await (await lead.PutAsJsonAsync($"/api/v1/agents/{agentId}/schedule", body, TestApi.Json)).ReadAsync<ScheduleResponse>(HttpStatusCode.OK);
    }

    public static Task<HttpResponseMessage> TakeNextAsync(this HttpClient client) => client.PostAsync("/api/v1/queues/next", null);
}
