package exchange.match.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import exchange.match.book.OrderType;
import exchange.match.book.SelfTradePrevention;
import exchange.match.book.Side;
import exchange.match.book.TimeInForce;
import exchange.match.core.Command;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every command kind survives its journal form; anything else in an entry is refused, never half-read. */
class CommandBatchTest {
    static final List<Command> EVERY_KIND = List.of(
            new Command.SetTime(1_700_000_000_123L),
            new Command.Place(42, 7, 3, Side.BUY, OrderType.LIMIT, TimeInForce.FOK, 101, 105, 9, 0,
                    SelfTradePrevention.EXPIRE_MAKER, "client-ä-1"),
            new Command.Place(43, 7, 3, Side.BUY, OrderType.MARKET_QUOTE, TimeInForce.IOC, 0, 0, 0, 5_000,
                    SelfTradePrevention.NONE, null),
            new Command.Cancel(42, 7),
            new Command.Move(42, 7, 99),
            new Command.ReserveOrderIds(8_000_000),
            new Command.Deposit(7, 2, 1_000_000_000_000_000_000L, 77),
            new Command.Adjust(7, 2, -5, 78),
            new Command.FreezeWithdrawal(900, 7, 2, 10),
            new Command.ReleaseWithdrawal(900),
            new Command.CompleteWithdrawal(901),
            new Command.AddAsset(65_536, "USDT", 10),
            new Command.AddMarket(3, 0, 2, 1_000, 10, 100_000, 200_000, 5_000_000, "BTCUSDT",
                    new java.math.BigDecimal("0.01"), new java.math.BigDecimal("0.00001")),
            new Command.HaltMarket(3, true),
            new Command.SetMarketFees(3, 0, 100_000_000),
            new Command.SetUserFees(7, -1, 50_000),
            new Command.SetLevelLimits(2, 2, 60_000, 900_000),
            new Command.SetUserLevel(7, 255));

    @Test
    void everyKindOfCommandReadsBackEqual() throws IOException {
        CommandBatch batch = new CommandBatch(3, 1_000, EVERY_KIND);
        CommandBatch read = CommandBatch.decode(batch.encode());
        assertEquals(batch, read);
        assertEquals(1_000 + EVERY_KIND.size(), read.next());
    }

    @Test
    void aDamagedEntryIsRefused() {
        byte[] good = new CommandBatch(3, 1_000, EVERY_KIND).encode();
        assertThrows(IOException.class, () -> CommandBatch.decode(Arrays.copyOf(good, good.length - 1)), "cut short");
        assertThrows(IOException.class, () -> CommandBatch.decode(Arrays.copyOf(good, good.length + 1)), "trailing bytes");
        byte[] badMagic = good.clone();
        badMagic[0] ^= 1;
        assertThrows(IOException.class, () -> CommandBatch.decode(badMagic), "another format");
        byte[] badTag = good.clone();
        badTag[24] = (byte) 200; // the first command's tag
        assertThrows(IOException.class, () -> CommandBatch.decode(badTag), "unknown command");
        byte[] badSide = new CommandBatch(0, 0, List.of(EVERY_KIND.get(1))).encode();
        badSide[24 + 1 + 8 + 8 + 4] = 9; // the place's side
        assertThrows(IOException.class, () -> CommandBatch.decode(badSide), "a side that does not exist");
        assertThrows(IOException.class, () -> CommandBatch.decode(new byte[0]), "empty");
    }

    @Test
    void aBatchHoldsAtLeastOneCommand() {
        assertThrows(IllegalArgumentException.class, () -> new CommandBatch(0, 0, List.of()));
    }
}
