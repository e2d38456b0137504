using Heliodesk.Features.Agents;
using Heliodesk.Features.Routing;
using Heliodesk.Features.Tickets;
using static Heliodesk.Tests.Routing.RoutingAgents;

namespace Heliodesk.Tests.Routing;

public sealed class AssignmentStrategyTests
{
    private static readonly DateTimeOffset Morning = new(2026, 3, 9, 9, 0, 0, TimeSpan.Zero);
    private static readonly TicketNeeds LithuanianBillingChat = new("lt", ["billing"], 1, Channel.Chat);

    private static Guid Id(int n) => new($"00000000-0000-7000-8000-{n:D12}");

    [Fact]
    public void Round_robin_goes_to_the_next_id_after_the_last_assigned_and_wraps_round()
    {
        AgentSnapshot[] agents = [Agent("C", id: Id(3)), Agent("A", id: Id(1)), Agent("B", id: Id(2))];

        Assert.Equal(Id(1), AssignmentStrategy.RoundRobin(agents, null)?.Id);
        Assert.Equal(Id(2), AssignmentStrategy.RoundRobin(agents, Id(1))?.Id);
        Assert.Equal(Id(3), AssignmentStrategy.RoundRobin(agents, Id(2))?.Id);
        Assert.Equal(Id(1), AssignmentStrategy.RoundRobin(agents, Id(3))?.Id);
    }

    [Fact]
    public void Round_robin_keeps_its_turn_when_the_last_assigned_agent_has_left_the_pool()
    {
        AgentSnapshot[] agents = [Agent("A", id: Id(1)), Agent("C", id: Id(3))];

        Assert.Equal(Id(3), AssignmentStrategy.RoundRobin(agents, Id(2))?.Id);
    }

    [Fact]
    public void Round_robin_over_many_tickets_gives_everyone_the_same_share()
    {
        AgentSnapshot[] agents = [Agent("A"), Agent("B"), Agent("C"), Agent("D")];
        var counts = agents.ToDictionary(a => a.Id, _ => 0);
        Guid? last = null;

        for (var i = 0; i < 100; i++)
        {
            last = AssignmentStrategy.RoundRobin(agents, last)!.Id;
            counts[last.Value]++;
        }

        Assert.All(counts.Values, c => Assert.Equal(25, c));
    }

    [Fact]
    public void Least_loaded_picks_the_fewest_on_the_tickets_channel_and_breaks_ties_by_longest_since_assigned()
    {
        AgentSnapshot[] agents =
        [
            Agent("Busy", chats: 2, lastAssignedAt: Morning.AddHours(-5)),
            Agent("Recent", chats: 1, emails: 0, lastAssignedAt: Morning),
            Agent("Waiting", chats: 1, emails: 9, lastAssignedAt: Morning.AddHours(-1)),
        ];

        Assert.Equal("Waiting", AssignmentStrategy.LeastLoaded(agents, Channel.Chat)?.Name);
        Assert.Equal("Busy", AssignmentStrategy.LeastLoaded(agents, Channel.Email)?.Name);
    }

    [Fact]
    public void Least_loaded_prefers_an_agent_never_assigned_over_one_assigned_long_ago()
    {
        AgentSnapshot[] agents = [Agent("Veteran", lastAssignedAt: Morning.AddDays(-30)), Agent("New")];

        Assert.Equal("New", AssignmentStrategy.LeastLoaded(agents, Channel.Chat)?.Name);
    }

    [Fact]
    public void Choose_routes_to_an_eligible_agent_and_says_why()
    {
        AgentSnapshot[] agents =
        [
            Agent("Offline Rūta", ["lt"], ["billing"], status: AgentStatus.Offline),
            Agent("Full Jonas", ["lt"], ["billing"], chats: 3),
            Agent("Busy Eglė", ["lt"], ["billing"], chats: 2),
            Agent("Free Marius", ["lt"], ["billing"], chats: 1),
            Agent("English Tom", ["en"], ["billing"]),
        ];

        var decision = AssignmentStrategy.Choose(LithuanianBillingChat, agents, new RoutingOptions("en"), StrategyKind.LeastLoaded);

        Assert.Equal("Free Marius", decision?.Agent.Name);
        Assert.False(decision?.NeedsLanguage);
        Assert.Equal("Lithuanian, Billing, T1, least loaded", decision?.Reason);
    }

    [Fact]
    public void Choose_falls_back_to_the_fallback_language_only_when_no_speaker_can_take_the_ticket()
    {
        AgentSnapshot[] agents = [Agent("Off-shift Rūta", ["lt"], ["billing"], onShift: false), Agent("English Tom", ["en"], ["billing"], chats: 2)];

        var decision = AssignmentStrategy.Choose(LithuanianBillingChat, agents, new RoutingOptions("en"), StrategyKind.RoundRobin);

        Assert.Equal("English Tom", decision?.Agent.Name);
        Assert.True(decision?.NeedsLanguage);
        Assert.Equal("English (needs Lithuanian), Billing, T1, round robin", decision?.Reason);
    }

    [Fact]
    public void Choose_returns_nothing_when_nobody_can_take_the_ticket()
    {
        AgentSnapshot[] agents = [Agent("English Tom", ["en"], ["billing"])];

        Assert.Null(AssignmentStrategy.Choose(LithuanianBillingChat, agents, RoutingOptions.Default, StrategyKind.RoundRobin));
        Assert.Null(AssignmentStrategy.Choose(LithuanianBillingChat, [], new RoutingOptions("en"), StrategyKind.LeastLoaded));
    }
}
