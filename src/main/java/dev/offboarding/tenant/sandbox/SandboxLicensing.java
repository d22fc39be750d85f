package dev.offboarding.tenant.sandbox;

import dev.offboarding.tenant.Licensing;
import dev.offboarding.tenant.PurchaseChannel;
import dev.offboarding.tenant.Subscription;
import java.sql.Date;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;

/** Licenses and subscriptions of the sandbox tenant. */
@Component
@SandboxMode
class SandboxLicensing implements Licensing {

    private final SandboxStore store;

    SandboxLicensing(SandboxStore store) {
        this.store = store;
    }

    @Override
    public List<Subscription> subscriptions() {
        return store.call("subscriptions", () -> store.jdbc()
                .sql("""
                        select s.sku_id, s.sku_part_number, s.display_name, s.total_licenses, s.purchase_channel,
                               s.commitment_end_date,
                               (select count(*) from sandbox_user_license l join sandbox_user u on u.id = l.user_id
                                 where l.sku_id = s.sku_id and u.deleted_at is null) as consumed
                        from sandbox_subscription s order by s.sku_part_number""")
                .query((rs, n) -> {
                    Date commitmentEnd = rs.getDate("commitment_end_date");
                    return new Subscription(rs.getString("sku_id"), rs.getString("sku_part_number"),
                            rs.getString("display_name"), rs.getInt("total_licenses"), rs.getInt("consumed"),
                            PurchaseChannel.valueOf(rs.getString("purchase_channel")),
                            commitmentEnd == null ? null : commitmentEnd.toLocalDate());
                })
                .list());
    }

    @Override
    public void removeLicenses(String userId, Collection<String> skuIds) {
        store.run("removeLicenses", () -> {
            String upn = store.userPrincipalNameOf(userId).orElse(userId);
            for (String skuId : skuIds) {
                int removed = store.jdbc().sql("delete from sandbox_license where user_id = :id and sku_id = :sku")
                        .param("id", userId).param("sku", skuId).update();
                if (removed == 1) {
                    store.record("removeLicense", upn, skuId);
                }
            }
        });
    }
}
