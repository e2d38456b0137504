using Heliodesk.Common;

namespace Heliodesk.Tests.Unit;

public sealed class SequentialGuidTests
{
    [Fact]
    public void Ids_made_in_a_burst_sort_in_the_order_they_were_made_as_text_and_as_bytes()
    {
        var ids = Enumerable.Range(0, 10_000).Select(_ => SequentialGuid.Next()).ToList();

        Assert.Equal(ids, ids.OrderBy(i => i.ToString(), StringComparer.Ordinal));
        Assert.Equal(ids, ids.OrderBy(i => Convert.ToHexString(i.ToByteArray(bigEndian: true)), StringComparer.Ordinal));
        Assert.All(ids, id => Assert.Equal(7, id.Version));
        Assert.All(ids, id => Assert.Equal(0b10, id.Variant >> 2));
    }
}
