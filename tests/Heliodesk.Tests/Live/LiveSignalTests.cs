using Heliodesk.Features.Tickets;
using Heliodesk.Features.Tickets.Live;

namespace Heliodesk.Tests.Live;

/// <summary>What travels between nodes, and how long another node's viewer is believed.</summary>
public sealed class LiveSignalTests
{
    [Fact]
    public void A_ticket_change_crosses_the_channel_intact_with_ids_and_kinds_only()
    {
        var node = Guid.NewGuid();
        var change = new TicketChange(Guid.NewGuid(), Guid.NewGuid(), 42, 7, [TicketEventType.ReplyAdded, TicketEventType.StatusChanged], Guid.NewGuid(), Guid.NewGuid());

        var payload = LiveSignal.Encode(node, change);
        var decoded = LiveSignal.Decode(payload);

        Assert.Equal(node, decoded?.Node);
        Assert.Equivalent(change, decoded!.ToChange());
        Assert.True(payload.Length < 400, payload);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("{\"k\":\"t\"}")]
    public void A_payload_that_is_not_ours_is_ignored(string payload) => Assert.Null(LiveSignal.Decode(payload));

    [Fact]
    public void Another_nodes_viewer_shows_until_it_leaves_or_is_no_longer_renewed()
    {
        var presence = new TicketPresence();
        var ticket = Guid.NewGuid();
        var (gone, stays) = (new PresenceSignal(ticket, Guid.NewGuid(), Guid.NewGuid(), true, false), new PresenceSignal(ticket, Guid.NewGuid(), Guid.NewGuid(), false, false));
        var now = DateTimeOffset.UtcNow;
        var notices = 0;
        using var local = presence.Join(ticket, Guid.NewGuid(), "Local", () => notices++);

        presence.ApplyRemote(gone, "Remote", now.AddSeconds(5));
        presence.ApplyRemote(stays, "Renewed", now.AddSeconds(5));
        presence.ApplyRemote(stays, "Renewed", now.AddSeconds(60));
        presence.ExpireRemote(now.AddSeconds(10));

        Assert.Equal(["Local", "Renewed"], presence.ViewersOf(ticket).Select(v => v.Name));
        presence.ApplyRemote(stays with { Left = true }, "", now);
        Assert.Equal(["Local"], presence.ViewersOf(ticket).Select(v => v.Name));
        Assert.True(notices >= 4);
    }
}
