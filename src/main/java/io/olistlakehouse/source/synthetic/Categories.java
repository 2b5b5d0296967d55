package io.olistlakehouse.source.synthetic;

import java.util.List;

/**
 * The product categories of product_category_name_translation.csv (all 71, in the file's order), each with how
 * many products of the sample have it (the weight a generated product picks it with) and the median item price
 * of its sample items (the centre of its price distribution).
 */
final class Categories {

  record Category(String name, String english, int sampleProducts, double medianPrice) {}

  /** 111 of the sample's 5,460 products (2%) have no category, and then no name, description or photos either. */
  static final double UNCATEGORIZED_SHARE = 111.0 / 5_460;
  /** Median item price of the uncategorized products of the sample. */
  static final double UNCATEGORIZED_MEDIAN_PRICE = 68.94;

  static final List<Category> ALL = List.of(
      new Category("beleza_saude", "health_beauty", 434, 80.74),
      new Category("informatica_acessorios", "computers_accessories", 310, 79.9),
      new Category("automotivo", "auto", 248, 79.9),
      new Category("cama_mesa_banho", "bed_bath_table", 484, 75),
      new Category("moveis_decoracao", "furniture_decor", 410, 67.9),
      new Category("esporte_lazer", "sports_leisure", 499, 89.9),
      new Category("perfumaria", "perfumery", 140, 69.9),
      new Category("utilidades_domesticas", "housewares", 350, 59.9),
      new Category("telefonia", "telephony", 208, 29.99),
      new Category("relogios_presentes", "watches_gifts", 243, 142.35),
      new Category("alimentos_bebidas", "food_drink", 14, 25),
      new Category("bebes", "baby", 166, 79.9),
      new Category("papelaria", "stationery", 138, 79.99),
      new Category("tablets_impressao_imagem", "tablets_printing_image", 3, 99),
      new Category("brinquedos", "toys", 235, 89.9),
      new Category("telefonia_fixa", "fixed_telephony", 13, 99.9),
      new Category("ferramentas_jardim", "garden_tools", 129, 62.45),
      new Category("fashion_bolsas_e_acessorios", "fashion_bags_accessories", 132, 49.9),
      new Category("eletroportateis", "small_appliances", 43, 193),
      new Category("consoles_games", "consoles_games", 75, 113.25),
      new Category("audio", "audio", 7, 56.95),
      new Category("fashion_calcados", "fashion_shoes", 14, 84.9),
      new Category("cool_stuff", "cool_stuff", 152, 129.99),
      new Category("malas_acessorios", "luggage_accessories", 56, 99),
      new Category("climatizacao", "air_conditioning", 15, 159.9),
      new Category("construcao_ferramentas_construcao", "construction_tools_construction", 50, 89),
      new Category("moveis_cozinha_area_de_servico_jantar_e_jardim", "kitchen_dining_laundry_garden_furniture", 18,
          54.9),
      new Category("construcao_ferramentas_jardim", "costruction_tools_garden", 16, 52.9),
      new Category("fashion_roupa_masculina", "fashion_male_clothing", 13, 49),
      new Category("pet_shop", "pet_shop", 96, 95),
      new Category("moveis_escritorio", "office_furniture", 59, 169.99),
      new Category("market_place", "market_place", 17, 62.8),
      new Category("eletronicos", "electronics", 119, 21.9),
      new Category("eletrodomesticos", "home_appliances", 51, 40.07),
      new Category("artigos_de_festas", "party_supplies", 3, 40),
      new Category("casa_conforto", "home_confort", 14, 77.9),
      new Category("construcao_ferramentas_ferramentas", "costruction_tools_tools", 5, 37.75),
      new Category("agro_industria_e_comercio", "agro_industry_and_commerce", 11, 412),
      new Category("moveis_colchao_e_estofado", "furniture_mattress_and_upholstery", 2, 59.85),
      new Category("livros_tecnicos", "books_technical", 11, 39.9),
      new Category("casa_construcao", "home_construction", 24, 79.9),
      new Category("instrumentos_musicais", "musical_instruments", 52, 91.19),
      new Category("moveis_sala", "furniture_living_room", 24, 103.97),
      new Category("construcao_ferramentas_iluminacao", "construction_tools_lights", 9, 46),
      new Category("industria_comercio_e_negocios", "industry_commerce_and_business", 15, 110),
      new Category("alimentos", "food", 21, 38.85),
      new Category("artes", "art", 8, 48.65),
      new Category("moveis_quarto", "furniture_bedroom", 11, 169),
      new Category("livros_interesse_geral", "books_general_interest", 40, 39.98),
      new Category("construcao_ferramentas_seguranca", "construction_tools_safety", 16, 190),
      new Category("fashion_underwear_e_moda_praia", "fashion_underwear_beach", 10, 59.9),
      new Category("fashion_esporte", "fashion_sport", 1, 24.99),
      new Category("sinalizacao_e_seguranca", "signaling_and_security", 6, 54.28),
      new Category("pcs", "computers", 9, 730),
      new Category("artigos_de_natal", "christmas_supplies", 11, 13.99),
      new Category("fashion_roupa_feminina", "fashio_female_clothing", 3, 54.9),
      new Category("eletrodomesticos_2", "home_appliances_2", 18, 209.9),
      new Category("livros_importados", "books_imported", 10, 64.99),
      new Category("bebidas", "drinks", 17, 36.49),
      new Category("cine_foto", "cine_photo", 3, 109),
      new Category("la_cuisine", "la_cuisine", 3, 139),
      new Category("musica", "music", 3, 34.9),
      new Category("casa_conforto_2", "home_comfort_2", 2, 12.9),
      new Category("portateis_casa_forno_e_cafe", "small_appliances_home_oven_and_coffee", 5, 579),
      // Not in the sample: weight 1 so it still occurs, priced like a typical item.
      new Category("cds_dvds_musicais", "cds_dvds_musicals", 1, 65),
      new Category("dvds_blu_ray", "dvds_blu_ray", 9, 19.9),
      new Category("flores", "flowers", 1, 59.9),
      new Category("artes_e_artesanato", "arts_and_craftmanship", 2, 79.7),
      new Category("fraldas_higiene", "diapers_and_hygiene", 5, 25),
      new Category("fashion_roupa_infanto_juvenil", "fashion_childrens_clothes", 1, 49.9),
      new Category("seguros_e_servicos", "security_and_services", 2, 141.64));

  static final Weighted WEIGHTS = Weighted.of(ALL.stream().mapToDouble(Category::sampleProducts).toArray());

  private Categories() {}
}
