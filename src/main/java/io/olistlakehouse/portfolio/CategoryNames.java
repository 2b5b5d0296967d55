package io.olistlakehouse.portfolio;

import java.util.Map;

/**
 * A product's category in English: the translation CSV's name, else one of the two Portuguese names the
 * translation file lacks, mapped here, else the Portuguese name itself. A product without a category is
 * {@link #UNKNOWN}, so it still counts in every sales figure and portfolio cell.
 */
public final class CategoryNames {

  public static final String UNKNOWN = "unknown";

  /** The categories of the products file that product_category_name_translation.csv does not translate. */
  public static final Map<String, String> MISSING_TRANSLATIONS = Map.of(
      "pc_gamer", "gaming_pc",
      "portateis_cozinha_e_preparadores_de_alimentos", "portable_kitchen_and_food_preparators");

  private CategoryNames() {}
}
