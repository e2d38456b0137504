using Heliodesk.Features.Tickets;
using Heliodesk.Features.Workforce;
using NodaTime;

namespace Heliodesk.Tests.Workforce;

/// <summary>
/// Erlang C against the textbook example used by call-centre planners (100 calls in 30 minutes, 180 s handle time,
/// i.e. 10 Erlangs; target 80 % answered in 20 s): 11 agents → P(wait) 68.21 %, 14 agents → P(wait) 17.41 %,
/// service level 88.84 %, ASA 7.8 s, and 14 is the fewest that meet the target.
/// </summary>
public sealed class ErlangCTests
{
    [Theory]
    [InlineData(11, 0.6821, 0.3896)]
    [InlineData(12, 0.4494, 0.6402)]
    [InlineData(13, 0.2853, 0.7956)]
    [InlineData(14, 0.1741, 0.8884)]
    [InlineData(15, 0.1020, 0.9415)]
    public void Ten_erlangs_match_the_published_table(int agents, double waiting, double serviceLevel)
    {
        Assert.Equal(waiting, ErlangC.ProbabilityOfWaiting(agents, 10), 4);
        Assert.Equal(serviceLevel, ErlangC.ServiceLevel(agents, 10, handleTime: 180, target: 20), 4);
    }

    [Fact]
    public void The_fewest_agents_for_80_percent_in_20_seconds_is_14_with_an_average_wait_under_8_seconds()
    {
        Assert.Equal(14, ErlangC.ServersNeeded(10, handleTime: 180, target: 20, serviceLevel: 0.8));
        Assert.Equal(7.8, ErlangC.AverageSpeedOfAnswer(14, 10, 180), 1);
    }

    [Fact]
    public void Two_erlangs_on_three_agents_wait_four_times_in_nine()
    {
        Assert.Equal(4.0 / 9, ErlangC.ProbabilityOfWaiting(3, 2), 12);
    }

    [Theory]
    [InlineData(10, 10)]
    [InlineData(10, 9)]
    [InlineData(2.5, 1)]
    public void Traffic_at_or_above_the_agents_means_everyone_waits_and_nobody_is_answered_in_time(double traffic, int agents)
    {
        Assert.Equal(1, ErlangC.ProbabilityOfWaiting(agents, traffic));
        Assert.Equal(0, ErlangC.ServiceLevel(agents, traffic, 180, 20));
        Assert.Equal(double.PositiveInfinity, ErlangC.AverageSpeedOfAnswer(agents, traffic, 180));
        Assert.True(ErlangC.ServersNeeded(traffic, 180, 20, 0.8) > traffic);
    }

    [Fact]
    public void No_arrivals_need_no_agents_and_never_wait()
    {
        Assert.Equal(0, ErlangC.ServersNeeded(0, 180, 20, 0.8));
        Assert.Equal(0, ErlangC.ProbabilityOfWaiting(0, 0));
        Assert.Equal(1, ErlangC.ServiceLevel(0, 0, 180, 20));
    }

    [Fact]
    public void Large_centres_stay_exact_where_a_to_the_n_over_n_factorial_would_overflow()
    {
        var agents = ErlangC.ServersNeeded(500, 180, 20, 0.8);
        Assert.InRange(agents, 501, 530);
        Assert.True(ErlangC.ServiceLevel(agents, 500, 180, 20) >= 0.8);
        Assert.True(ErlangC.ServiceLevel(agents - 1, 500, 180, 20) < 0.8);
    }

    [Fact]
    public void A_chat_agent_is_as_many_servers_as_chats_they_hold_and_shrinkage_scales_up_the_people()
    {
        var settings = new WorkforceSettings { Shrinkage = 0.3, ChatConcurrency = 3 };
        var handle = Enum.GetValues<Channel>().ToDictionary(c => c, c => new HandleTime(c, 3, 50, true));
        var hour = Duration.FromHours(1);

        // 200 phone calls of 3 minutes = 10 Erlangs; 80 % in 30 s needs 13 people on the phones, 19 after 30 % shrinkage.
        Assert.Equal(13, ErlangC.ServersNeeded(10, 3, 0.5, 0.8));
        Assert.Equal(19, StaffingForecast.Needed(new Dictionary<Channel, double> { [Channel.Phone] = 200 }, handle, hour, settings));
        // The same load as chats within 60 s: 13 chat servers, i.e. 5 agents holding three chats, 8 after shrinkage.
        var servers = ErlangC.ServersNeeded(10, 3, 1, 0.8);
        Assert.Equal(13, servers);
        Assert.Equal(8, StaffingForecast.Needed(new Dictionary<Channel, double> { [Channel.Chat] = 200 }, handle, hour, settings));
        Assert.Equal(0, StaffingForecast.Needed(new Dictionary<Channel, double> { [Channel.Email] = 0 }, handle, hour, settings));
    }
}
