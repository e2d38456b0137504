using Heliodesk.Common;

namespace Heliodesk.Tests.Unit;

public sealed class CursorTests
{
    [Fact]
    public void An_instant_and_id_cursor_reads_back_what_was_written()
    {
        var (at, id) = (new DateTimeOffset(2026, 11, 23, 9, 30, 0, TimeSpan.Zero), Guid.CreateVersion7());
        Assert.Equal((at, id), Cursor.DecodeInstantAndId(Cursor.Encode(at.UtcTicks, id)));
        Assert.Null(Cursor.DecodeInstantAndId(null));
    }

    [Theory]
    [InlineData("-5", "0193b3c4-5d6e-7f80-9a1b-2c3d4e5f6a7b")]
    [InlineData("99999999999999999999", "0193b3c4-5d6e-7f80-9a1b-2c3d4e5f6a7b")]
    [InlineData("638000000000000000", "not-a-guid")]
    public void A_tampered_cursor_is_a_field_error_not_a_crash(string ticks, string id)
    {
        var error = Assert.Throws<DomainRuleException>(() => Cursor.DecodeInstantAndId(Cursor.Encode(ticks, id)));
        Assert.Equal("cursor", error.Field);
    }
}
