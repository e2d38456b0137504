using Heliodesk.Features.Routing;
using Heliodesk.Features.Tickets;

namespace Heliodesk.Tests.Routing;

public sealed class RoutingRuleTests
{
    private static readonly Guid Acme = Guid.CreateVersion7();

    private static TicketFacts Ticket(
        Channel channel = Channel.Email, string language = "en", TicketPriority priority = TicketPriority.Normal,
        int tier = 1, string[]? tags = null, Guid? organizationId = null, string? plan = null) =>
        new(channel, language, priority, tier, tags ?? [], organizationId, plan);

    private static RoutingRule Rule(string name, int position) => new() { Name = name, Position = position };

    [Fact]
    public void A_rule_matches_only_when_every_condition_it_sets_matches()
    {
        var rule = new RoutingRule
        {
            Name = "Enterprise Lithuanian billing chats",
            Channel = Channel.Chat,
            Language = "lt",
            MinPriority = TicketPriority.High,
            Tag = "billing",
            OrganizationId = Acme,
            Plan = "Enterprise",
        };
        var matching = Ticket(Channel.Chat, "lt-LT", TicketPriority.Urgent, tags: ["billing", "vip"], organizationId: Acme, plan: "enterprise");

        Assert.True(rule.Matches(matching));
        Assert.False(rule.Matches(matching with { Channel = Channel.Email }));
        Assert.False(rule.Matches(matching with { Language = "lv" }));
        Assert.False(rule.Matches(matching with { Priority = TicketPriority.Normal }));
        Assert.False(rule.Matches(matching with { Tags = ["vip"] }));
        Assert.False(rule.Matches(matching with { OrganizationId = Guid.CreateVersion7() }));
        Assert.False(rule.Matches(matching with { Plan = "Free" }));
    }

    [Fact]
    public void Rules_are_tried_by_position_and_a_rule_without_conditions_catches_the_rest()
    {
        var catchAll = Rule("Everything else", 30);
        var tier2 = Rule("Tier 2", 10);
        tier2.MinTier = 2;
        var spanish = Rule("Spanish", 20);
        spanish.Language = "es";

        RoutingRule[] rules = [catchAll, spanish, tier2];

        Assert.Same(tier2, RoutingRule.FirstMatch(rules, Ticket(language: "es", tier: 2)));
        Assert.Same(spanish, RoutingRule.FirstMatch(rules, Ticket(language: "es")));
        Assert.Same(catchAll, RoutingRule.FirstMatch(rules, Ticket(language: "ja")));
        Assert.Null(RoutingRule.FirstMatch([spanish], Ticket(language: "ja")));
    }

    [Fact]
    public void An_agent_at_their_open_ticket_limit_is_not_eligible_and_the_reason_says_so()
    {
        var full = RoutingAgents.Agent("Ana") with { OpenTickets = 20, MaxOpenTickets = 20 };

        var result = Eligibility.Check(new TicketNeeds("en", Channel.Email), full, RoutingOptions.Default);

        Assert.Equal(["at open-ticket limit 20/20"], result.Reasons);
    }

    [Fact]
    public void Within_one_pass_each_decision_sees_the_load_of_the_ones_before()
    {
        var ana = RoutingAgents.Agent("Ana", id: new Guid("00000000-0000-7000-8000-000000000001"));
        var ben = RoutingAgents.Agent("Ben", id: new Guid("00000000-0000-7000-8000-000000000002"));
        var now = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
        var needs = new TicketNeeds("en", Channel.Chat);

        var first = AssignmentStrategy.Choose(needs, [ana, ben], RoutingOptions.Default, StrategyKind.LeastLoaded)!;
        var afterFirst = first.Agent.WithOneMore(Channel.Chat, now);
        var second = AssignmentStrategy.Choose(needs, [afterFirst, ben], RoutingOptions.Default, StrategyKind.LeastLoaded)!;

        Assert.Equal((ana.Id, ben.Id), (first.Agent.Id, second.Agent.Id));
        Assert.Equal((1, 1, now), (afterFirst.LoadOn(Channel.Chat), afterFirst.OpenTickets, afterFirst.LastAssignedAt));
    }
}
