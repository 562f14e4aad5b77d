/* Card payment on the checkout's payment step and on an unpaid order's page.
 * Production: Stripe's Payment Element (deferred intent: the order and its PaymentIntent are created when the
 * shopper presses "Đặt hàng"); the payment method it creates is confirmed by our server.
 * Tests: localstripe's fake Stripe.js has no Payment Element; its card element and createToken() give a card id
 * our server confirms the same way. 3-D Secure: handleNextAction (real) / confirmCardPayment (fake). */
(function () {
  "use strict";

  function start() {
    var box = document.getElementById("card-payment");
    if (!box || typeof Stripe === "undefined") { return; }
    var form = box.closest("form");
    var button = form.querySelector("#place-button");
    var errors = document.getElementById("card-errors");
    var stripe = Stripe(box.dataset.publishableKey);
    var fake = typeof stripe.confirmPayment !== "function";
    var elements, element, mounted = false;

    function mount() {
      if (mounted) { return; }
      if (fake) {
        elements = stripe.elements();
        element = elements.create("card");
      } else {
        elements = stripe.elements({mode: "payment", amount: parseInt(box.dataset.amount, 10), currency: "vnd",
          paymentMethodCreation: "manual", paymentMethodTypes: ["card"],
          locale: document.documentElement.lang || "vi"});
        element = elements.create("payment");
      }
      element.mount("#payment-element");
      mounted = true;
    }

    function cardChosen() {
      var radio = form.querySelector('input[name="gateway"]:checked');
      return radio ? radio.value === "stripe" : true;
    }

    function toggle() {
      var wrapper = box.closest(".card-box");
      if (wrapper) { wrapper.hidden = !cardChosen(); }
      if (cardChosen()) { mount(); }
    }

    async function paymentMethodId() {
      if (fake) {
        var t = await stripe.createToken(element);
        if (t.error) { throw t.error; }
        return t.token.card.id;
      }
      var submitted = await elements.submit();
      if (submitted.error) { throw submitted.error; }
      var made = await stripe.createPaymentMethod({elements: elements});
      if (made.error) { throw made.error; }
      return made.paymentMethod.id;
    }

    async function post(url, data) {
      var body = new FormData();
      body.append("csrfmiddlewaretoken", form.querySelector('[name="csrfmiddlewaretoken"]').value);
      Object.keys(data).forEach(function (k) { body.append(k, data[k]); });
      var response = await fetch(url, {method: "POST", body: body, credentials: "same-origin",
        headers: {"Accept": "application/json"}});
      var json = await response.json();
      if (!response.ok && !json.redirect) {
        throw {message: (json.errors || [box.dataset.errorGeneric]).join(" ")};
      }
      return json;
    }

    form.querySelectorAll('input[name="gateway"]').forEach(function (r) { r.addEventListener("change", toggle); });
    toggle();

    form.addEventListener("submit", async function (event) {
      if (!cardChosen()) { return; }  // cash on delivery: a normal form post
      event.preventDefault();
      errors.textContent = "";
      button.disabled = true;
      var label = button.textContent;
      button.textContent = box.dataset.processing;
      try {
        var result = await post(box.dataset.payUrl, {gateway: "stripe", payment_method_id: await paymentMethodId()});
        if (result.status === "requires_action") {
          var action = fake ? await stripe.confirmCardPayment(result.client_secret)
                            : await stripe.handleNextAction({clientSecret: result.client_secret});
          result = await post(result.sync_url, {}).catch(function () { return result; });
          if (action && action.error && !result.redirect) { throw action.error; }
        }
        if (result.errors && !result.redirect) { throw {message: result.errors.join(" ")}; }
        window.location.assign(result.redirect);
      } catch (err) {
        errors.textContent = (err && err.message) || box.dataset.errorGeneric;
        button.disabled = false;
        button.textContent = label;
      }
    });
  }

  // The script sits inside the form, before its submit button: start once the page is parsed.
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
