using Heliodesk.Features.Agents;
using Heliodesk.Features.Routing;
using Heliodesk.Features.Tickets;
using static Heliodesk.Tests.Routing.RoutingAgents;

namespace Heliodesk.Tests.Routing;

public sealed class EligibilityTests
{
    private static readonly RoutingOptions NoFallback = RoutingOptions.Default;
    private static readonly RoutingOptions EnglishFallback = new("en");

    private static readonly TicketNeeds LithuanianBillingChat = new("lt", ["billing"], 1, Channel.Chat);

    [Fact]
    public void An_online_agent_on_shift_with_the_language_skill_tier_and_a_free_slot_is_eligible()
    {
        var result = Eligibility.Check(LithuanianBillingChat, Agent("Rūta", ["lt", "en"], ["Billing"], chats: 2), NoFallback);

        Assert.True(result.IsEligible);
        Assert.False(result.NeedsLanguage);
        Assert.Empty(result.Reasons);
    }

    [Fact]
    public void Every_failed_rule_is_listed_not_just_the_first()
    {
        var agent = Agent("Tom", ["en"], ["shipping"], tier: 1, status: AgentStatus.Offline, onShift: false, chats: 3);

        var result = Eligibility.Check(LithuanianBillingChat with { Tier = 2 }, agent, NoFallback);

        Assert.False(result.IsEligible);
        Assert.Equal(["offline", "off shift", "no Lithuanian", "missing skill billing", "tier 1 < 2", "at chat capacity 3/3"], result.Reasons);
    }

    [Fact]
    public void An_away_agent_takes_nothing_new()
    {
        var result = Eligibility.Check(LithuanianBillingChat, Agent("Rūta", ["lt"], ["billing"], status: AgentStatus.Away), NoFallback);

        Assert.Equal(["away"], result.Reasons);
    }

    [Theory]
    [InlineData("zh", "zh-Hans", true)]
    [InlineData("zh-Hant-TW", "zh-Hans", true)]
    [InlineData("pt-BR", "pt-PT", true)]
    [InlineData("LT", "lt", true)]
    [InlineData("sr-Cyrl", "hr", false)]
    public void Languages_match_on_the_primary_subtag(string ticketLanguage, string agentLanguage, bool eligible)
    {
        var result = Eligibility.Check(new TicketNeeds(ticketLanguage, Channel.Email), Agent("A", [agentLanguage]), NoFallback);

        Assert.Equal(eligible, result.IsEligible);
    }

    [Fact]
    public void A_fallback_language_speaker_is_eligible_but_flagged_as_needing_the_language()
    {
        var result = Eligibility.Check(new TicketNeeds("lt", Channel.Email), Agent("Tom", ["en-GB"]), EnglishFallback);

        Assert.True(result.IsEligible);
        Assert.True(result.NeedsLanguage);
    }

    [Fact]
    public void Without_the_fallback_language_either_the_reason_names_the_customers_language()
    {
        var result = Eligibility.Check(new TicketNeeds("lt", Channel.Email), Agent("Hana", ["ja"]), EnglishFallback);

        Assert.Equal(["no Lithuanian"], result.Reasons);
    }

    [Fact]
    public void A_ticket_whose_language_is_unknown_can_go_to_anyone()
    {
        Assert.True(Eligibility.Check(new TicketNeeds(null, Channel.Email), Agent("Hana", ["ja"]), NoFallback).IsEligible);
    }

    [Fact]
    public void A_higher_tier_may_take_a_lower_tier_ticket_and_skills_match_whatever_their_case()
    {
        var result = Eligibility.Check(LithuanianBillingChat, Agent("Jonas", ["lt"], ["BILLING"], tier: 3), NoFallback);

        Assert.True(result.IsEligible);
    }

    [Fact]
    public void Capacity_counts_only_the_tickets_channel_and_a_channel_without_a_limit_never_fills()
    {
        var busyInChat = Agent("Rūta", ["lt"], ["billing"], chats: 3, emails: 40);

        Assert.Equal(["at chat capacity 3/3"], Eligibility.Check(LithuanianBillingChat, busyInChat, NoFallback).Reasons);
        Assert.True(Eligibility.Check(LithuanianBillingChat with { Channel = Channel.Email }, busyInChat, NoFallback).IsEligible);
    }

    [Theory]
    [InlineData("lt", "Lithuanian")]
    [InlineData("zh-Hans", "Chinese")]
    [InlineData("pt-BR", "Portuguese")]
    [InlineData("qqx", "qqx")]
    public void Reasons_name_languages_in_english(string tag, string name)
    {
        Assert.Equal(name, LanguageNames.Of(tag));
    }
}
