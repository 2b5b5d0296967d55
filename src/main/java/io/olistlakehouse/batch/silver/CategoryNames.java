package io.olistlakehouse.batch.silver;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.Map;
import org.apache.spark.sql.Column;

/**
 * A product's category in English: the translation CSV's name (carried by bronze), else the two Portuguese names
 * the translation file lacks, mapped here, else the Portuguese name itself; a product without a category is
 * {@link #UNKNOWN}, so it still counts in every sales figure.
 */
public final class CategoryNames {

  public static final String UNKNOWN = "unknown";

  /** The categories of the products file that product_category_name_translation.csv does not translate. */
  public static final Map<String, String> MISSING_TRANSLATIONS = Map.of(
      "pc_gamer", "gaming_pc",
      "portateis_cozinha_e_preparadores_de_alimentos", "portable_kitchen_and_food_preparators");

  private CategoryNames() {}

  static Column english(Column portuguese, Column translated) {
    Column mapped = null;
    for (Map.Entry<String, String> e : MISSING_TRANSLATIONS.entrySet()) {
      mapped = (mapped == null ? when(portuguese.equalTo(e.getKey()), e.getValue())
          : mapped.when(portuguese.equalTo(e.getKey()), e.getValue()));
    }
    return coalesce(translated, mapped, portuguese, lit(UNKNOWN));
  }
}
