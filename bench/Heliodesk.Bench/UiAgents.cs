using System.Text.Json;

namespace Heliodesk.Bench;

/// <summary>
/// The two agents the ui scenario signs in as: one who loads the inbox, one who watches a view while
/// tickets arrive. Invited through the API with the workspace owner's token (role agent, as most
/// people in a help desk are); their temporary passwords are kept in the state file for later runs.
/// </summary>
internal static class UiAgents
{
    private static readonly string[] Names = ["Inbox Reader", "Arrival Watcher"];

    public static async Task<(UiAgentLogin Reader, UiAgentLogin Watcher)> EnsureAsync(BenchContext context)
    {
        var state = context.State;
        for (var i = state.UiAgents.Count; i < Names.Length; i++)
        {
            var email = $"ui-bench-{i + 1}-{Guid.NewGuid():N}@bench.example";
            var response = await context.Api.PostJsonAsync("api/v1/agents", new InviteAgentRequest(email, Names[i], "agent"),
                BenchJson.Default.InviteAgentRequest, state.OwnerToken, context.Cancel).ConfigureAwait(false);
            if (!response.IsSuccess)
            {
                throw new InvalidOperationException("POST /api/v1/agents failed: " + response.Describe());
            }
            using var invited = JsonDocument.Parse(response.Body);
            var password = invited.RootElement.TryGetProperty("temporaryPassword", out var p) ? p.GetString() : null;
            state.UiAgents.Add(new UiAgentLogin(email, password ?? throw new InvalidOperationException("The invitation returned no temporary password.")));
            context.Store.Save(state);
        }
        return (state.UiAgents[0], state.UiAgents[1]);
    }
}
